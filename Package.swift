// swift-tools-version:6.1
import Foundation
import PackageDescription

let package = Package(
    name: "Pace",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pace", targets: ["pace"]),
        .library(name: "PaceLinearAlgebra", targets: ["PaceLinearAlgebra"]),
        .library(name: "PaceStatistics", targets: ["PaceStatistics"]),
        .library(name: "PaceRegression", targets: ["PaceRegression"]),
        .library(name: "PaceData", targets: ["PaceData"]),
        .library(name: "PaceGap", targets: ["PaceGap"]),
        .library(name: "PaceForecast", targets: ["PaceForecast"]),
        .library(name: "PaceRace", targets: ["PaceRace"]),
        .library(name: "PaceReport", targets: ["PaceReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - Public API

        /// Value-type column-major matrices, QR, pivoted QR, SVD, Cholesky, banded solves.
        .target(name: "PaceLinearAlgebra", dependencies: ["_PaceCLapack"]),
        /// Probability distributions (normal, Student t, F, χ²) and descriptive statistics.
        .target(name: "PaceStatistics"),
        /// OLS/WLS with classical, HC0–HC3 and HAC covariance; predictions with intervals.
        .target(name: "PaceRegression", dependencies: ["PaceLinearAlgebra", "PaceStatistics"]),
        /// CSV reader, periods, observations, conversions, streaming writers.
        .target(name: "PaceData"),
        /// Target-gap analysis: time, task and progress accounts, required pace, projections.
        .target(name: "PaceGap", dependencies: ["PaceData", "PaceStatistics", "PaceRegression", "PaceForecast"]),
        /// ETS, trend models, HP filter, STL and classical decomposition.
        .target(name: "PaceForecast", dependencies: ["PaceLinearAlgebra", "PaceStatistics", "PaceRegression"]),
        /// Horse race: league tables of regions on weighted gap metrics (rank, min-max, z-score).
        .target(name: "PaceRace", dependencies: ["PaceData"]),
        /// Reports: one model of gap rows, histories, forecasts and the league table, rendered as
        /// self-contained HTML (inline CSS and SVG) and as Markdown.
        .target(name: "PaceReport", dependencies: ["PaceData", "PaceGap", "PaceRace", "PaceForecast"]),
        /// The `pace` command: parse arguments, call the libraries, pick a writer.
        .executableTarget(
            name: "pace",
            dependencies: [
                "PaceLinearAlgebra", "PaceStatistics", "PaceRegression", "PaceData", "PaceGap",
                "PaceForecast", "PaceRace", "PaceReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // MARK: - Implementation details

        /// CBLAS + LAPACKE headers from Debian's libopenblas-dev and liblapacke-dev.
        .systemLibrary(name: "_PaceCLapack"),

        // MARK: - Tests

        .testTarget(name: "PaceLinearAlgebraTests", dependencies: ["PaceLinearAlgebra"]),
        .testTarget(name: "PaceStatisticsTests", dependencies: ["PaceStatistics"]),
        .testTarget(name: "PaceRegressionTests", dependencies: ["PaceRegression"]),
        .testTarget(
            name: "PaceDataTests",
            dependencies: ["PaceData", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "PaceGapTests",
            dependencies: ["PaceGap", "PaceForecast", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "PaceForecastTests",
            dependencies: ["PaceForecast", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "PaceRaceTests", dependencies: ["PaceRace"]),
        .testTarget(name: "PaceReportTests", dependencies: ["PaceReport"]),
        .testTarget(name: "PaceCLITests", dependencies: ["pace", "PaceForecast"]),
    ]
)

// MARK: - Benchmarks
// ordo-one/benchmark is only resolved and built when asked for, so the everyday build and the
// test suite never compile it:  PACE_BENCHMARKS=1 swift package benchmark
if ProcessInfo.processInfo.environment["PACE_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "PaceBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "PaceStatistics", "PaceLinearAlgebra", "PaceRegression", "PaceData", "PaceGap", "PaceForecast",
            ],
            path: "Benchmarks/PaceBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]))
}
