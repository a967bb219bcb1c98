using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EventReactor.Reactor.Tests.Metrics;

/// <summary>
/// A stand-in for Elasticsearch's <c>_bulk</c> endpoint (Elasticsearch itself cannot run here): it records each request's
/// NDJSON and answers as Elasticsearch does, with the product header the 9.x client checks and one result per action.
/// Ids it has already created answer 409, as a data stream does for a repeated <c>create</c>.
/// </summary>
internal sealed class ElasticsearchStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);
    private readonly List<BulkCall> _calls = [];

    private ElasticsearchStandIn(WebApplication app) => _app = app;

    /// <summary>Answers the whole request with this status instead (e.g. 503) while it returns non-null; gets the call's number.</summary>
    public Func<int, int?> RequestStatus { get; set; } = _ => null;

    /// <summary>The status of one action (call number, document id); null means 201, or 409 for an id created before.</summary>
    public Func<int, string, int?> ItemStatus { get; set; } = (_, _) => null;

    public string Url => _app.Urls.First();

    public IReadOnlyList<BulkCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToList();
            }
        }
    }

    public static async Task<ElasticsearchStandIn> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var standIn = new ElasticsearchStandIn(app);
        app.MapPost("/_bulk", standIn.BulkAsync);
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task BulkAsync(HttpContext context)
    {
        // The client gzips request bodies, as Elasticsearch accepts.
        var body = context.Request.Headers.ContentEncoding == "gzip" ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body;
        using var reader = new StreamReader(body, Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var call = new BulkCall(context.Request.Headers.Authorization.ToString(), context.Request.ContentType, []);
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            call.Actions.Add((JsonNode.Parse(lines[i])!.AsObject(), JsonNode.Parse(lines[i + 1])!.AsObject()));
        }

        int number;
        lock (_calls)
        {
            _calls.Add(call);
            number = _calls.Count;
        }

        context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
        context.Response.ContentType = "application/json"; // what Elasticsearch answers a client that asks for plain JSON
        if (RequestStatus(number) is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync($$"""{"error":{"type":"unavailable","reason":"stand-in says {{status}}"},"status":{{status}}}""");
            return;
        }

        var items = new JsonArray();
        var errors = false;
        foreach (var (action, _) in call.Actions)
        {
            var create = action["create"]!.AsObject();
            var id = create["_id"]!.GetValue<string>();
            var itemStatus = ItemStatus(number, id) ?? (Created(id) ? 201 : 409);
            var result = new JsonObject { ["_index"] = $".ds-{create["_index"]}-000001", ["_id"] = id, ["status"] = itemStatus };
            if (itemStatus == 201)
            {
                result["result"] = "created";
                result["_version"] = 1;
                result["_seq_no"] = 0;
                result["_primary_term"] = 1;
                result["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["failed"] = 0 };
            }
            else
            {
                errors = true;
                result["error"] = new JsonObject { ["type"] = itemStatus == 409 ? "version_conflict_engine_exception" : "stand_in_exception", ["reason"] = $"status {itemStatus}" };
            }

            items.Add(new JsonObject { ["create"] = result });
        }

        await context.Response.WriteAsync(new JsonObject { ["took"] = 1, ["errors"] = errors, ["items"] = items }.ToJsonString());
    }

    private bool Created(string id)
    {
        lock (_created)
        {
            return _created.Add(id);
        }
    }
}
