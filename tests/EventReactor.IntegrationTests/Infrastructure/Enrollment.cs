using System.Net.Http.Json;
using System.Text.Json;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>How a test's minion gets its key accepted, as an operator's provisioning would: a single-use enrollment token.</summary>
internal static class Enrollment
{
    /// <summary>What the minion logs once its key is accepted and the reactor key pinned.</summary>
    public const string AcceptedLine = "key accepted, reactor key pinned";

    /// <summary>Environment for <c>eventreactor minion</c> that enrolls it with the reactor at <paramref name="server"/> using a fresh token.</summary>
    public static async Task<Dictionary<string, string>> EnvironmentAsync(string server, IReadOnlyDictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>(more ?? new Dictionary<string, string>())
        {
            ["EVENTREACTOR__Minion__Reactor"] = server,
            ["EVENTREACTOR__Minion__EnrollmentToken"] = await TokenAsync(server),
            ["EVENTREACTOR__Minion__EnrollPollInterval"] = "00:00:01",
        };
        return environment;
    }

    /// <summary>A new single-use token from <c>POST /api/keys/tokens</c>.</summary>
    public static async Task<string> TokenAsync(string server, int ttlSeconds = 600)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server) };
        using var response = await http.PostAsJsonAsync("/api/keys/tokens", new { ttlSeconds });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/keys/tokens answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Polls <c>GET /api/keys</c> until the minion's key is accepted, for a minion hosted in the test's own process.</summary>
    public static async Task WaitAcceptedAsync(string server, string minion)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var keys = await http.GetFromJsonAsync<JsonElement>("/api/keys");
            if (keys.EnumerateArray().Any(k => k.GetProperty("minion").GetString() == minion && k.GetProperty("state").GetString() == "accepted"))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"minion {minion}'s key was not accepted within 60s");
    }

    public static Task WaitAcceptedAsync(CliProcess minion) =>
        minion.WaitForLineAsync(l => l.Contains(AcceptedLine, StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the minion's key to be accepted");
}
