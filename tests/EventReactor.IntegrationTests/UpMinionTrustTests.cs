using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.IntegrationTests.Infrastructure;

namespace EventReactor.IntegrationTests;

/// <summary>
/// <c>eventreactor up</c> acts only on minion events whose key is accepted, from the first event after start: events
/// posted in the name of unaccepted hosts are audited <c>untrusted</c>, while the same rule acts on the real container
/// deaths its own (auto-accepted) minion reports from the shared Docker engine.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class UpMinionTrustTests(ServicesFixture services)
{
    private const int Hosts = 12;
    private const int EventsPerHost = 10;
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Up_MinionEventsPostedFromTheFirstMomentForUnacceptedHosts_AllUntrustedAndOnlyTheLocalMinionActs()
    {
        using var workspace = new TestWorkspace();
        var container = $"er-{workspace.Id}";
        var minionId = $"it-{workspace.Id}";

        // `*` crosses `/`: the glob matches the posted minion/<host>/container/die and the local minion's
        // minion/<id>/docker/container/die alike; only keys tell them apart.
        workspace.WithRules("fleet.yaml", $$$"""
            rules:
              - name: container-died
                on: minion/*/container/die
                when: event.data.exitCode != 0 && event.data.name.startsWith('{{{container}}}')
                do:
                  - event.fire: { tag: "demo/{{{workspace.Id}}}/died", data: { tag: "${{ event.tag }}" } }
            """);
        await using var up = CliProcess.Start(
            ["up", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server],
            new Dictionary<string, string> { ["EVENTREACTOR__Minion__Id"] = minionId });
        await Reactors.WaitHealthyAsync(up, workspace.Server);
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };

        // The very first events, concurrently, before the local minion has even enrolled and before any key was read.
        var posted = await Task.WhenAll(Enumerable.Range(0, Hosts * EventsPerHost).Select(i =>
            PostAsync(http, $"minion/host-{i % Hosts}-{workspace.Id}/container/die", new { name = $"{container}-{i}", exitCode = 137 })));

        await Enrollment.WaitAcceptedAsync(up);
        await up.WaitForLineAsync(l => l.Contains("Watching Docker engine", StringComparison.Ordinal), Quick, "the minion watching Docker");
        await using var watch = await Reactors.WatchAsync(workspace.Server, $"demo/{workspace.Id}/died");
        await services.RunToExitAsync(container, "sh", "-c", "exit 137");

        Assert.Equal(0, await watch.WaitForExitAsync(Quick));
        using var fired = JsonDocument.Parse(Assert.Single(watch.Stdout));
        Assert.Equal($"minion/{minionId}/docker/container/die", fired.RootElement.GetProperty("data").GetProperty("tag").GetString());
        foreach (var id in posted)
        {
            var evaluation = await AuditedAsync(http, id);
            Assert.Equal(RuleOutcome.Untrusted, evaluation.Outcome);
            Assert.Empty(evaluation.Actions);
        }
    }

    private static async Task<string> PostAsync(HttpClient http, string tag, object data)
    {
        using var response = await http.PostAsJsonAsync("/api/events", new { tag, data });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EventAccepted>())!.Id;
    }

    private static async Task<AuditRecord> AuditedAsync(HttpClient http, string eventId)
    {
        var deadline = DateTime.UtcNow + Quick;
        while (DateTime.UtcNow < deadline)
        {
            var audit = await http.GetFromJsonAsync<EventAudit>($"/api/audit?event={eventId}");
            if (audit!.Evaluations.Count > 0)
            {
                return Assert.Single(audit.Evaluations);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"event {eventId} was not audited within {Quick.TotalSeconds:F0}s");
    }
}
