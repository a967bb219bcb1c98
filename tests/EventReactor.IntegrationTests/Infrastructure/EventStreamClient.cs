using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using EventReactor.Contracts;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Follows a reactor's <c>/api/events/stream</c> in the background and keeps every event, for assertions.</summary>
internal sealed class EventStreamClient : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<EventEnvelope> _events = new();
    private Task? _reading;

    public IReadOnlyCollection<EventEnvelope> Events => _events;

    public static async Task<EventStreamClient> ConnectAsync(string server, string tag, string? token = null)
    {
        var client = new EventStreamClient();
        if (token is not null)
        {
            client._http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client._http.GetAsync($"{server}/api/events/stream?tag={Uri.EscapeDataString(tag)}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();

        // The reactor subscribes before it sends the headers: from here on no event can pass unseen.
        client._reading = client.ReadAsync(response);
        return client;
    }

    public async Task<EventEnvelope> WaitForAsync(Func<EventEnvelope, bool> predicate, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = _events.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no {what} within {timeout.TotalSeconds}s; saw: {string.Join(", ", _events.Select(e => e.Tag))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _http.Dispose();
        try
        {
            if (_reading is not null)
            {
                await _reading;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Closed on purpose.
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(_stop.Token);
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(_stop.Token))
            {
                _events.Enqueue(CloudEventJson.Deserialize(item.Data));
            }
        }
    }
}
