using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EventReactor.Minion.Tests.Commands;

/// <summary>
/// Just enough of the engine's HTTP API for one <c>container.run</c> with <c>wait</c>: it records the order in which
/// calls arrive and when the start's answer went out, and answers the wait at once, as the engine does for a
/// container that is not running.
/// </summary>
internal sealed class FakeDockerEngine : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDockerEngine(WebApplication app) => _app = app;

    public string Endpoint => _app.Urls.First();

    /// <summary>"METHOD last-path-segment" per call, in arrival order (e.g. "POST start"), and "started" when the start answered.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public static async Task<FakeDockerEngine> StartAsync(int exitCode, TimeSpan startTakes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var engine = new FakeDockerEngine(app);
        app.Run(context => engine.AnswerAsync(context, exitCode, startTakes));
        await app.StartAsync();
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context, int exitCode, TimeSpan startTakes)
    {
        var call = $"{context.Request.Method} {context.Request.Path.Value!.TrimEnd('/').Split('/')[^1]}";
        Calls.Enqueue(call);
        var response = context.Response;
        switch (call)
        {
            case "POST create":
                response.StatusCode = 201;
                await response.WriteAsJsonAsync(new { Id = "abc123", Warnings = Array.Empty<string>() });
                break;
            case "POST start":
                await Task.Delay(startTakes);
                Calls.Enqueue("started");
                response.StatusCode = 204;
                break;
            case "POST wait":
                await response.WriteAsJsonAsync(new { StatusCode = exitCode });
                break;
            case "GET json":
                await response.WriteAsJsonAsync(new { Id = "abc123", Name = "/run1", State = new { Running = false, OOMKilled = false, Pid = 0, ExitCode = exitCode } });
                break;
            case "GET logs":
                response.ContentType = "application/vnd.docker.raw-stream";
                break;
            default:
                response.StatusCode = 204;
                break;
        }
    }
}
