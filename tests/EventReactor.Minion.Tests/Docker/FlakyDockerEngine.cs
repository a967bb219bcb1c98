using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EventReactor.Minion.Tests.Docker;

/// <summary>
/// An engine that fails its first pings, then answers just enough for the watcher to catch up (no containers) and
/// holds the event stream open; optionally it ends the first followed stream, as an engine that restarts does.
/// </summary>
internal sealed class FlakyDockerEngine : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _failingPings;
    private int _pings;
    private int _streamsToEnd;

    private FlakyDockerEngine(WebApplication app, int failingPings, int streamsToEnd)
    {
        _app = app;
        _failingPings = failingPings;
        _streamsToEnd = streamsToEnd;
    }

    public string Endpoint => _app.Urls.First();

    public int Pings => Volatile.Read(ref _pings);

    /// <summary>"METHOD last-path-segment" per call after the pings that failed, in arrival order.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public static async Task<FlakyDockerEngine> StartAsync(int failingPings, int streamsToEnd = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var engine = new FlakyDockerEngine(app, failingPings, streamsToEnd);
        app.Run(engine.AnswerAsync);
        await app.StartAsync();
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var call = $"{context.Request.Method} {context.Request.Path.Value!.TrimEnd('/').Split('/')[^1]}";
        var response = context.Response;
        if (call == "GET _ping" && Interlocked.Increment(ref _pings) <= _failingPings)
        {
            response.StatusCode = 500;
            await response.WriteAsJsonAsync(new { message = "engine starting" });
            return;
        }

        Calls.Enqueue(call);
        switch (call)
        {
            case "GET _ping":
                await response.WriteAsync("OK");
                break;
            case "GET info":
                await response.WriteAsJsonAsync(new { SystemTime = DateTimeOffset.UtcNow.ToString("O") });
                break;
            case "GET json":
                await response.WriteAsJsonAsync(Array.Empty<object>());
                break;
            case "GET events" when context.Request.Query.ContainsKey("until") || Interlocked.Decrement(ref _streamsToEnd) >= 0:
                // A replay up to a time ends there; a followed stream ends when the engine goes away.
                await response.Body.FlushAsync();
                break;
            case "GET events":
                await response.Body.FlushAsync();
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            default:
                response.StatusCode = 404;
                break;
        }
    }
}
