using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace EventReactor.Cli.Client;

/// <summary>Talks to a running reactor's HTTP API; failures become <see cref="ReactorClientException"/> with a readable reason.</summary>
internal sealed class ReactorClient : IDisposable
{
    /// <summary>The reactor's API token, when it requires one.</summary>
    public const string TokenVariable = "EVENTREACTOR_API_TOKEN";

    private readonly HttpClient _http;

    public ReactorClient(string server)
    {
        Server = server;
        _http = new HttpClient { BaseAddress = new Uri(server.TrimEnd('/') + "/"), Timeout = Timeout.InfiniteTimeSpan };
        if (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } token)
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
    }

    public string Server { get; }

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.GetAsync(path, cancellationToken));
        return await ReadAsync(response, cancellationToken);
    }

    public async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.PostAsJsonAsync(path, body, cancellationToken));
        return await ReadAsync(response, cancellationToken);
    }

    public async Task<JsonElement> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.DeleteAsync(path, cancellationToken));
        return await ReadAsync(response, cancellationToken);
    }

    /// <summary>Opens a streaming GET; the caller reads the body as it arrives.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        var response = await SendAsync(() => _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken));
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                await ReadAsync(response, cancellationToken);
            }
        }

        return response;
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException)
        {
            throw new ReactorClientException($"cannot reach the reactor at {Server}: {ex.InnerException.Message} (is 'eventreactor up' or 'eventreactor reactor' running?)");
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }

        var reason = text;
        try
        {
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.TryGetProperty("detail", out var detail))
            {
                reason = detail.GetString() ?? text;
            }
        }
        catch (JsonException)
        {
            // Not a problem document: show the body as it is.
        }

        throw new ReactorClientException($"the reactor answered {(int)response.StatusCode} {response.ReasonPhrase}: {reason}");
    }
}
