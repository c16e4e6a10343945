-- wrk script for cache_stack.Load: each connection waits PAUSE milliseconds (wrk ... -- PAUSE) between requests.
function init(args) pause = tonumber(args[1]) end
function delay() return pause end
