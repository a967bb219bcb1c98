using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EventReactor.Contracts.Api;
using Microsoft.AspNetCore.Mvc;

namespace EventReactor.Cli.Client;

/// <summary>
/// Talks to a running reactor's HTTP API in the records of <see cref="EventReactor.Contracts.Api"/>; failures become
/// <see cref="ReactorClientException"/> with a readable reason.
/// </summary>
internal sealed class ReactorClient : IDisposable
{
    /// <summary>The reactor's API token, when it requires one.</summary>
    public const string TokenVariable = "EVENTREACTOR_API_TOKEN";

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
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

    public Task<ReactorStatus> StatusAsync(CancellationToken cancellationToken) => GetAsync<ReactorStatus>("api/status", cancellationToken);

    public Task<List<MinionView>> MinionsAsync(CancellationToken cancellationToken) => GetAsync<List<MinionView>>("api/minions", cancellationToken);

    public Task<List<JobView>> JobsAsync(CancellationToken cancellationToken) => GetAsync<List<JobView>>("api/jobs", cancellationToken);

    public Task<JobView> JobAsync(string jid, CancellationToken cancellationToken) => GetAsync<JobView>($"api/jobs/{Uri.EscapeDataString(jid)}", cancellationToken);

    public Task<EventAudit> AuditAsync(string eventId, CancellationToken cancellationToken) =>
        GetAsync<EventAudit>($"api/audit?event={Uri.EscapeDataString(eventId)}", cancellationToken);

    /// <summary>Rule health over <paramref name="since"/> (such as <c>7d</c>), or the reactor's default window when null.</summary>
    public Task<RuleStatsReport> RuleStatsAsync(string? since, CancellationToken cancellationToken) =>
        GetAsync<RuleStatsReport>(since is null ? "api/rules/stats" : $"api/rules/stats?since={Uri.EscapeDataString(since)}", cancellationToken);

    public Task<ReplayReport> ReplayAsync(ReplayRequest request, CancellationToken cancellationToken) =>
        PostAsync<ReplayReport>("api/rules/replay", request, cancellationToken);

    public Task<EventAccepted> PublishAsync(PublishEventRequest request, CancellationToken cancellationToken) =>
        PostAsync<EventAccepted>("api/events", request, cancellationToken);

    public Task<List<PoolView>> PoolsAsync(CancellationToken cancellationToken) => GetAsync<List<PoolView>>("api/pools", cancellationToken);

    public Task<PoolView> PoolAsync(string name, CancellationToken cancellationToken) => GetAsync<PoolView>(PoolPath(name), cancellationToken);

    public Task<PoolView> ScalePoolAsync(string name, int size, CancellationToken cancellationToken) =>
        PostAsync<PoolView>($"{PoolPath(name)}/scale", new ScalePoolRequest(size), cancellationToken);

    public Task<PoolMemberAdded> AddPoolMemberAsync(string name, string minion, CancellationToken cancellationToken) =>
        PostAsync<PoolMemberAdded>($"{PoolPath(name)}/members", new AddPoolMemberRequest(minion), cancellationToken);

    public async Task<PoolMemberRemoved> RemovePoolMemberAsync(string name, string minion, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.DeleteAsync($"{PoolPath(name)}/members/{Uri.EscapeDataString(minion)}", cancellationToken));
        return await ReadAsync<PoolMemberRemoved>(response, cancellationToken);
    }

    public Task<BenchmarkRunSummary> StartBenchmarkRunAsync(StartBenchmarkRunRequest request, CancellationToken cancellationToken) =>
        PostAsync<BenchmarkRunSummary>("api/bench/runs", request, cancellationToken);

    public Task<List<BenchmarkRunSummary>> BenchmarkRunsAsync(string? suite, CancellationToken cancellationToken) =>
        GetAsync<List<BenchmarkRunSummary>>(suite is null ? "api/bench/runs" : $"api/bench/runs?suite={Uri.EscapeDataString(suite)}", cancellationToken);

    public Task<BenchmarkRunReport> BenchmarkRunAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<BenchmarkRunReport>($"api/bench/runs/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task<List<BenchmarkComparisonRow>> BenchmarkResultsAsync(string? suite, string? by, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (suite is not null)
        {
            query.Add($"suite={Uri.EscapeDataString(suite)}");
        }

        if (by is not null)
        {
            query.Add($"by={Uri.EscapeDataString(by)}");
        }

        return GetAsync<List<BenchmarkComparisonRow>>(query.Count == 0 ? "api/bench/results" : $"api/bench/results?{string.Join("&", query)}", cancellationToken);
    }

    /// <summary>Compares two sides of benchmark results; <paramref name="query"/> is <c>/api/bench/compare</c>'s query string.</summary>
    public Task<BenchComparisonResponse> BenchmarkCompareAsync(string query, CancellationToken cancellationToken) =>
        GetAsync<BenchComparisonResponse>($"api/bench/compare?{query}", cancellationToken);

    /// <summary>Hosts whose repetitions stay noisy; <paramref name="query"/> is <c>/api/bench/noisy</c>'s query string, possibly empty.</summary>
    public Task<List<BenchNoisyHost>> NoisyHostsAsync(string query, CancellationToken cancellationToken) =>
        GetAsync<List<BenchNoisyHost>>(query.Length == 0 ? "api/bench/noisy" : $"api/bench/noisy?{query}", cancellationToken);

    /// <summary>
    /// Follows <c>/api/events/stream</c>: the data of each server-sent event, a CloudEvent's JSON. The first item comes
    /// once the reactor has subscribed this watcher, so <paramref name="subscribed"/> runs before any event can be missed.
    /// </summary>
    public async IAsyncEnumerable<string> WatchAsync(string? tag, Func<Task> subscribed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = tag is null ? "api/events/stream" : $"api/events/stream?tag={Uri.EscapeDataString(tag)}";
        using var response = await SendAsync(() => _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken));
        if (!response.IsSuccessStatusCode)
        {
            await ReadAsync<JsonElement>(response, cancellationToken);
        }

        await subscribed();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            yield return item.Data;
        }
    }

    public Task<List<MinionKeyView>> KeysAsync(CancellationToken cancellationToken) => GetAsync<List<MinionKeyView>>("api/keys", cancellationToken);

    public Task AcceptKeyAsync(string minion, CancellationToken cancellationToken) =>
        SendNoContentAsync(() => _http.PostAsync($"{KeyPath(minion)}/accept", null, cancellationToken), cancellationToken);

    public Task RejectKeyAsync(string minion, CancellationToken cancellationToken) =>
        SendNoContentAsync(() => _http.PostAsync($"{KeyPath(minion)}/reject", null, cancellationToken), cancellationToken);

    public Task DeleteKeyAsync(string minion, CancellationToken cancellationToken) =>
        SendNoContentAsync(() => _http.DeleteAsync(KeyPath(minion), cancellationToken), cancellationToken);

    public Task<EnrollmentTokenCreated> CreateEnrollmentTokenAsync(TimeSpan ttl, CancellationToken cancellationToken) =>
        PostAsync<EnrollmentTokenCreated>("api/keys/tokens", new CreateEnrollmentTokenRequest((int)Math.Ceiling(ttl.TotalSeconds)), cancellationToken);

    public void Dispose() => _http.Dispose();

    private static string KeyPath(string minion) => $"api/keys/{Uri.EscapeDataString(minion)}";

    private static string PoolPath(string name) => $"api/pools/{Uri.EscapeDataString(name)}";

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.GetAsync(path, cancellationToken));
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.PostAsJsonAsync(path, body, Json, cancellationToken));
        return await ReadAsync<T>(response, cancellationToken);
    }

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

    private async Task SendNoContentAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(send);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return JsonSerializer.Deserialize<T>(text, Json) ?? throw new ReactorClientException($"the reactor answered {(int)response.StatusCode} with no body");
        }

        throw Failure(response, text);
    }

    private static ReactorClientException Failure(HttpResponseMessage response, string text)
    {

        var reason = text;
        try
        {
            reason = JsonSerializer.Deserialize<ProblemDetails>(text, Json)?.Detail ?? text;
        }
        catch (JsonException)
        {
            // Not a problem document: show the body as it is.
        }

        return new ReactorClientException($"the reactor answered {(int)response.StatusCode} {response.ReasonPhrase}: {reason}");
    }
}
