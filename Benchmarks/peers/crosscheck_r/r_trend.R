# Trend models against R's lm()/predict() (stats): for each `pace forecast --model trend:SHAPE`
# run, the same regression y ~ t [+ t^2] [+ season factor] [+ step at the break period] (log y for
# loglinear) is fitted with lm(). Compared, relative to R's value: point forecasts and 80/95%
# prediction intervals (predict(interval = "prediction"), exp() of the log scale for loglinear),
# log-likelihood (logLik(), minus sum(log y) for loglinear: Pace reports it on the data scale),
# AIC/AICc/BIC with k = #coef + 1 and sigma2 = summary(fit)$sigma^2.
# Runs Pace refused are fitted too, to tell "rank deficient" refusals R agrees with from others.
# usage: Rscript r_trend.R OUT_DIR  -> OUT_DIR/trend_cmp.json
suppressMessages(library(jsonlite))
out <- commandArgs(TRUE)[1]
rel <- function(a, b) max(abs(a - b) / abs(b))
res <- lapply(Sys.glob(file.path(out, "pace", "trend", "*.json")), function(f) {
  j <- fromJSON(f, simplifyVector = FALSE)
  d <- read.csv(file.path(out, "series", paste0(j$id, ".csv")), colClasses = c("character", "character", "numeric"))
  m <- if (grepl("Q", d$period[1])) 4 else if (grepl("-", d$period[1])) 12 else 1
  n <- nrow(d); h <- j$h; t <- 1:n
  season <- factor((t - 1) %% m); season_new <- factor((n:(n + h - 1)) %% m, levels = levels(season))
  df <- data.frame(t = t, s = season, b = as.numeric(t >= which(d$period == j$brk)),
                   yy = if (j$shape == "loglinear") log(d$value) else d$value)
  new <- data.frame(t = (n + 1):(n + h), s = season_new, b = 1)
  fo <- "yy ~ t"
  if (j$shape == "quadratic") fo <- paste(fo, "+ I(t^2)")
  if (m > 1 && j$cfg != "nodum") fo <- paste(fo, "+ s")
  if (j$cfg == "brk") fo <- paste(fo, "+ b")
  fit <- lm(as.formula(fo), data = df)
  r <- list(case = sub("\\.json$", "", basename(f)), shape = j$shape, cfg = j$cfg, r_rank_deficient = any(is.na(coef(fit))))
  if (j$rc != 0) return(c(r, refused = TRUE, reason = sub("\n.*", "", j$stderr)))
  ps <- fromJSON(j$stdout, simplifyVector = FALSE)$series[[1]]
  if (r$r_rank_deficient) return(c(r, refused = FALSE))
  tr <- if (j$shape == "loglinear") exp else identity
  p80 <- tr(predict(fit, new, interval = "prediction", level = .8))
  p95 <- tr(predict(fit, new, interval = "prediction", level = .95))
  g <- function(k) sapply(ps$forecast, `[[`, k)
  ll <- as.numeric(logLik(fit)) - if (j$shape == "loglinear") sum(df$yy) else 0
  k <- length(coef(fit)) + 1
  aic <- -2 * ll + 2 * k
  c(r, refused = FALSE, mean = rel(g("mean"), p80[, 1]),
    pi = max(rel(g("lo80"), p80[, 2]), rel(g("hi80"), p80[, 3]), rel(g("lo95"), p95[, 2]), rel(g("hi95"), p95[, 3])),
    loglik = rel(ps$log_likelihood, ll), aic = rel(ps$aic, aic), aicc = rel(ps$aicc, aic + 2 * k * (k + 1) / (n - k - 1)),
    bic = rel(ps$bic, -2 * ll + log(n) * k), sigma2 = rel(ps$sigma2, summary(fit)$sigma^2),
    ncoef_differs = length(coef(fit)) != length(ps$parameters))
})
write_json(res, file.path(out, "trend_cmp.json"), auto_unbox = TRUE, digits = NA, na = "null")
cat("r_trend.R:", length(res), "trend runs compared\n")
