-- wrk script: topology reads the way a polling client makes them, with If-None-Match of the current ETag
-- (first argument); answers are 304 while the set of live nodes is unchanged.
function init(args)
  etag = args[1]
end

function request()
  return wrk.format("GET", "/api/presence/topology", { ["If-None-Match"] = etag })
end
