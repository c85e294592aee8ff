// swift-tools-version:6.1
// Automatic-ETS benchmark on M3-format files (series_id,t,value,split), the Pace side of
// shared/bench/ets_peers.py and ets_r.R. Build and run in release mode:
//   swift run -c release ets-benchmark ../../../shared/datasets/m3/m3_yearly.csv 1
import PackageDescription

let package = Package(
    name: "ETSBenchmark",
    dependencies: [.package(name: "Pace", path: "../..")],
    targets: [
        .target(name: "M3Format"),
        .executableTarget(
            name: "ets-benchmark",
            dependencies: ["M3Format", .product(name: "PaceForecast", package: "Pace"),
                           .product(name: "PaceLinearAlgebra", package: "Pace")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .executableTarget(
            name: "ets-diagnose",
            dependencies: ["M3Format", .product(name: "PaceForecast", package: "Pace")]),
        .executableTarget(
            name: "ets-m3-check",
            dependencies: ["M3Format", .product(name: "PaceForecast", package: "Pace"),
                           .product(name: "PaceLinearAlgebra", package: "Pace")]),
        .executableTarget(
            name: "ets-fitcheck",
            dependencies: ["M3Format", .product(name: "PaceForecast", package: "Pace")]),
    ]
)
