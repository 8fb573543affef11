-- wrk script for the soak: a rotating mix of valid and invalid requests, including ones that make
-- the server close the connection (malformed, oversized), so wrk reconnects all the time.
local base = "/api/services/zis/integrations/bench/connections/all"
local auth = { ["Authorization"] = "Bearer bench-token", ["Host"] = "mock.zendesk.com" }
local requests = {}
local function add(method, path, headers, body) requests[#requests + 1] = wrk.format(method, path, headers, body) end

add("GET", base .. "?page%5Bsize%5D=100", auth)
add("GET", base .. "?page[size]=10&page[after]=api_key_conn_010", auth)
add("GET", base .. "?page[size]=5&page[before]=oauth_conn_200", auth)
add("GET", base, { ["Host"] = "x" })                                          -- 401
add("GET", base, { ["Authorization"] = "Basic dXNlcjpwYXNz", ["Host"] = "x" }) -- 403
add("GET", base .. "?page[size]=zero", auth)                                  -- 400
add("GET", "/no/such/path", auth)                                             -- 404
add("DELETE", base, auth)                                                     -- 405
add("GET", "/__admin/health", {})
add("GET", base, { ["Authorization"] = "Bearer bench-token", ["Host"] = "x", ["X-Big"] = string.rep("a", 17000) }) -- 431, close
add("POST", base, { ["Host"] = "x", ["Content-Length"] = "5", ["Transfer-Encoding"] = "chunked" }, "hello")        -- 400, close

local counter = 0
request = function()
    counter = counter + 1
    return requests[(counter % #requests) + 1]
end
