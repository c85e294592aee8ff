# R reference fits: forecast 8.20 ets() on every series of OUT/manifest_*.json.
# Per series: each explicit non-multiplicative-trend model (ANN ... MAdM; seasonal ones for m > 1,
# M-error ones only for positive series) fitted as ets(y, model = "XYZ", damped = ...), and the
# automatic choice ets(y) (default bounds, no multiplicative trend). Stored: method, loglik, AIC,
# AICc, BIC, sigma2, parameters, initial states, and forecast(h, level = c(80, 95)).
# short = TRUE marks n <= npars + 4, where ets() falls back to a non-optimised model (no loglik).
# usage: Rscript r_ets.R OUT_DIR CORES  -> OUT_DIR/r_ets/<id>.json
suppressMessages({library(forecast); library(jsonlite); library(parallel)})
args <- commandArgs(TRUE); out <- args[1]; cores <- as.integer(args[2])
man <- c(fromJSON(file.path(out, "manifest_real.json"), simplifyVector = FALSE),
         fromJSON(file.path(out, "manifest_syn.json"), simplifyVector = FALSE))
dir.create(file.path(out, "r_ets"), showWarnings = FALSE)
stop_on_error <- function(res) { bad <- Filter(function(x) inherits(x, "try-error"), res); if (length(bad)) stop(bad[[1]]); res }
horizon <- function(m) if (m == 1) 6 else 2 * m
models <- function(m, positive) {
  ms <- c("ANN", "AAN", "AAdN", "MNN", "MAN", "MAdN")
  if (m > 1) ms <- c(ms, "ANA", "AAA", "AAdA", "MNA", "MAA", "MAdA", "MNM", "MAM", "MAdM")
  if (!positive) ms <- ms[substr(ms, 1, 1) == "A"]
  ms
}
summarise <- function(fit, h) {
  if (inherits(fit, "try-error")) return(list(error = as.character(fit)))
  fc <- tryCatch(forecast(fit, h = h, level = c(80, 95)), error = function(e) NULL)
  o <- list(method = fit$method, loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
            sigma2 = fit$sigma2, par = as.list(fit$par), initstate = as.list(fit$initstate),
            fallback = is.null(fit$loglik))
  if (!is.null(fc)) o$fc <- list(mean = as.numeric(fc$mean), lower = unclass(fc$lower), upper = unclass(fc$upper))
  o
}
invisible(stop_on_error(mclapply(man, function(x) {
  d <- read.csv(file.path(out, "series", paste0(x$id, ".csv")), colClasses = c("character", "character", "numeric"))
  y <- ts(d$value, frequency = x$m); n <- length(y); h <- horizon(x$m)
  r <- list(id = x$id, m = x$m, n = n, h = h, fits = list())
  for (mod in models(x$m, min(y) > 0)) {
    damped <- grepl("d", mod); spec <- gsub("d", "", mod)
    npars <- 2L + 2L * (substr(spec, 2, 2) != "N") + x$m * (substr(spec, 3, 3) != "N") + damped
    o <- summarise(suppressWarnings(try(ets(y, model = spec, damped = damped), silent = TRUE)), h)
    o$short <- n <= npars + 4L
    r$fits[[mod]] <- o
  }
  r$auto <- summarise(suppressWarnings(try(ets(y), silent = TRUE)), h)
  write_json(r, file.path(out, "r_ets", paste0(x$id, ".json")), auto_unbox = TRUE, digits = NA, null = "null", na = "null")
  NULL
}, mc.cores = cores)))
cat("r_ets.R:", length(man), "series\n")
