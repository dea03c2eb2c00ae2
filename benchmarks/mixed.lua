-- Requests that go round the site's pages, for the memory check of benchmarks/run.py
-- (search has its own measure there).
local paths = {"/", "/blog/", "/blog/benchmark-post-500/", "/blog/benchmark-post-20/",
  "/contact/", "/blog/?page=3", "/bench/ref/"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
dofile("benchmarks/report.lua")
