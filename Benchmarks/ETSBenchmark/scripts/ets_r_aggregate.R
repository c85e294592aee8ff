# R forecast::ets() with defaults, as shared/bench/ets_r.R, with an optional aggregation of k consecutive
# values (monthly summed by 3 = the quarterly proxy of ets-benchmark's AGGREGATE argument) and per-series output.
# usage: Rscript ets_r_aggregate.R M3_FILE.csv SEASON [MAX] [AGGREGATE] [OUT.csv]
# Per-series CSV: series_id, model, sMAPE, MASE, forecast means (space-separated, 17 significant digits).
# Prints JSON: mean sMAPE, mean MASE (scale: in-sample mean |x_t - x_{t-m}|), summed fit+forecast CPU seconds.
suppressPackageStartupMessages(library(forecast))
a <- commandArgs(TRUE); d <- read.csv(a[1], stringsAsFactors = FALSE); M <- as.integer(a[2])
ids <- unique(d$series_id); if (length(a) >= 3 && a[3] != "") ids <- head(ids, as.integer(a[3]))
k <- if (length(a) >= 4) as.integer(a[4]) else 1L
agg <- function(x) { if (k <= 1) return(x); r <- length(x) %% k; s <- seq(r + 1, length(x), by = k); sapply(s, function(i) sum(x[i:(i + k - 1)])) }
sm <- c(); ms <- c(); secs <- 0; models <- c(); fcs <- c()
for (id in ids) {
  s <- d[d$series_id == id, ]; x <- ts(agg(s$value[s$split == "train"]), frequency = M); y <- agg(s$value[s$split == "test"])
  t0 <- proc.time()[["user.self"]]; fit <- ets(x); f <- as.numeric(forecast(fit, h = length(y))$mean)
  secs <- secs + proc.time()[["user.self"]] - t0
  sm <- c(sm, mean(200 * abs(y - f) / (abs(y) + abs(f)))); ms <- c(ms, mean(abs(y - f)) / mean(abs(diff(as.numeric(x), lag = M))))
  models <- c(models, fit$method); fcs <- c(fcs, paste(sprintf("%.17g", f), collapse = " "))
}
if (length(a) >= 5) write.csv(data.frame(series_id = ids, model = models, smape = sprintf("%.17g", sm), mase = sprintf("%.17g", ms), fc = fcs), a[5], row.names = FALSE)
cat(sprintf('{"peer": "R forecast::ets", "series": %d, "mean_smape": %.6f, "mean_mase": %.6f, "cpu_s": %.3f}\n', length(ids), mean(sm), mean(ms), secs))
