# R forecast 8.20's admissibility rule (forecast:::admissible) on random seasonal parameter points, with the largest
# root modulus of its characteristic polynomial (polyroot), for ETSAdmissibilityTests.
# Run: Rscript make_admissibility_r.R > admissibility_r.csv
suppressMessages(library(forecast))
set.seed(20261207)
cat("alpha,beta,gamma,phi,m,r_admissible,r_max_root_minus_1\n")
row <- function(alpha, beta, gamma, phi, m) {
  b <- if (is.na(beta)) NULL else beta
  ok <- forecast:::admissible(alpha, b, gamma, phi, m)
  bb <- if (is.na(beta)) 0 else beta
  P <- c(phi * (1 - alpha - gamma), alpha + bb - alpha * phi + gamma - 1, rep(alpha + bb - alpha * phi, m - 2),
         (alpha + bb - phi), 1)
  cat(sprintf("%.17g,%s,%.17g,%.17g,%d,%d,%.6e\n", alpha, if (is.na(beta)) "" else sprintf("%.17g", beta),
              gamma, phi, m, ok, max(Mod(polyroot(P))) - 1))
}
for (i in 1:100) {         # no trend, at the lower bounds 1e-4 (R's polyroot noise reaches its 1e-10 tolerance)
  row(10^runif(1, -4, -3.6), NA, 10^runif(1, -4, -3.6), 1, sample(c(4, 12), 1))
}
for (i in 1:400) {
  m <- sample(c(2, 3, 4, 7, 12), 1)
  kind <- i %% 4
  if (kind == 0) {        # no trend, no damping, anywhere in (0, 2) x (0, 2)
    row(runif(1, 0, 2), NA, runif(1, 0, 2), 1, m)
  } else if (kind == 1) { # no trend, near the lower bounds (the unit root's rounding zone)
    row(10^runif(1, -4, -2.5), NA, 10^runif(1, -4, -2.5), 1, m)
  } else if (kind == 2) { # trend, undamped
    a <- runif(1, 0, 1); row(a, runif(1, 0, a), runif(1, 0, 1 - a), 1, m)
  } else {                # damped trend
    a <- runif(1, 0, 1); row(a, runif(1, 0, a), runif(1, 0, 1 - a), runif(1, 0.8, 0.98), m)
  }
}
