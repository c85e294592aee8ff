# Seeded synthetic ETS series for the R cross-check (set.seed(20251207), 100 series).
# Each series draws a period (1, 4, 12), a length 10-120, an ETS class (E in A/M, T in N/A/Ad,
# S in N/A/M) and parameters in the usual region, and simulates the textbook recursion of
# Hyndman et al. (2008) (the one in .../shared/reference/ets_r_forecast.json, conventions.recursion).
# One in five is an additive series around zero (non-positive values), so multiplicative models are
# skipped there. Short series exercise R's "not enough data" fallback and Pace's minimum lengths.
# usage: Rscript gen_syn.R OUT_DIR   -> OUT_DIR/series/syn_*.csv and OUT_DIR/manifest_syn.json
suppressMessages(library(jsonlite))
out <- commandArgs(TRUE)[1]
dir.create(file.path(out, "series"), showWarnings = FALSE, recursive = TRUE)
set.seed(20251207)
labels <- function(m, start_year, n) {
  i <- 0:(n - 1)
  if (m == 1) return(as.character(start_year + i))
  if (m == 4) return(sprintf("%dQ%d", start_year + i %/% 4, i %% 4 + 1))
  sprintf("%d-%02d", start_year + i %/% 12, i %% 12 + 1)
}
man <- list()
for (k in 1:100) {
  m <- sample(c(1, 4, 12), 1, prob = c(.35, .4, .25))
  n <- sample(10:120, 1)
  E <- sample(c("A", "M"), 1); T <- sample(c("N", "A", "Ad"), 1)
  S <- if (m > 1) sample(c("N", "A", "M"), 1, prob = c(.2, .4, .4)) else "N"
  positive <- runif(1) < 0.8
  if (!positive) { E <- "A"; if (S == "M") S <- "A" }
  alpha <- runif(1, .05, .7); beta <- runif(1, .01, .3) * alpha
  gamma <- runif(1, .01, .5) * (1 - alpha); phi <- runif(1, .8, .98)
  if (T != "Ad") phi <- 1
  l <- if (positive) runif(1, 20, 2000) else runif(1, -5, 5)
  b <- if (T == "N") 0 else l * runif(1, -0.005, 0.02)
  if (!positive && T != "N") b <- runif(1, -0.3, 0.3)
  s <- if (S == "A") { v <- rnorm(m, 0, 0.1 * abs(l) + 1); v - mean(v) }
       else if (S == "M") { v <- runif(m, .8, 1.2); v * m / sum(v) } else rep(0, m)
  sig <- if (E == "A") (if (positive) 0.03 * l else runif(1, .5, 2)) else runif(1, .01, .05)
  y <- numeric(n)
  for (t in 1:n) {                       # state update in y[t], as etscalc()
    q <- l + phi * b; sm <- s[length(s)]
    yhat <- if (S == "A") q + sm else if (S == "M") q * sm else q
    e <- rnorm(1, 0, sig)
    y[t] <- if (E == "A") yhat + e else yhat * (1 + e)
    p <- if (S == "A") y[t] - sm else if (S == "M") y[t] / sm else y[t]
    lnew <- q + alpha * (p - q)
    if (T != "N") b <- phi * b + (beta / alpha) * (lnew - l - phi * b)
    if (S == "A") s <- c(sm + gamma * (y[t] - q - sm), s[-length(s)])
    if (S == "M") s <- c(sm + gamma * (y[t] / q - sm), s[-length(s)])
    l <- lnew
  }
  if (positive && min(y) <= 0) y <- y - min(y) + 1
  y <- signif(y, 10)
  id <- sprintf("syn_%03d_m%d_%s%s%s", k, m, E, T, S)
  lab <- labels(m, 1990, n)
  write.csv(data.frame(series = id, period = lab, value = format(y, digits = 15, trim = TRUE)),
            file.path(out, "series", paste0(id, ".csv")), row.names = FALSE, quote = FALSE)
  man[[k]] <- list(id = id, m = m, n = n, start = lab[1], min = min(y))
}
write_json(man, file.path(out, "manifest_syn.json"), auto_unbox = TRUE, digits = NA)
cat("gen_syn.R: 100 synthetic series\n")
