using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP endpoint that answers every POST after a delay and counts the posts by the <c>id</c> of their JSON body: an
/// action that takes a while, so that a reactor paused at any moment has some in hand, and a side effect outside the
/// database whose repeats the test can see.
/// </summary>
internal sealed class SlowWebhook : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TimeSpan _delay;
    private readonly Task _serving;

    public SlowWebhook(TimeSpan delay)
    {
        _delay = delay;
        Url = $"http://127.0.0.1:{FreePort.Next()}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>How many posts each id got.</summary>
    public ConcurrentDictionary<string, int> Posts { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            if (body.RootElement.TryGetProperty("id", out var id) && id.GetString() is { } key)
            {
                Posts.AddOrUpdate(key, 1, (_, n) => n + 1);
            }

            await Task.Delay(_delay);
            context.Response.StatusCode = 200;
        }
        catch (JsonException)
        {
            context.Response.StatusCode = 400;
        }
        finally
        {
            context.Response.Close();
        }
    }
}
