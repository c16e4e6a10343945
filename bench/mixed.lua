-- wrk script for the mixed run of bench/stack.sh: each request a random path from the file in MIXED_PATHS.
local paths = {}
for line in io.lines(os.getenv("MIXED_PATHS")) do
    paths[#paths + 1] = line
end
math.randomseed(os.time())

request = function()
    return wrk.format("GET", paths[math.random(#paths)])
end
