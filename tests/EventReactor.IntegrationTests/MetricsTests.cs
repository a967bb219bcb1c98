using System.Net.Http.Json;
using EventReactor.IntegrationTests.Infrastructure;

namespace EventReactor.IntegrationTests;

/// <summary>Metric sampling on the minion (issue #6): container.run with a sampling interval ships minion/&lt;id&gt;/metrics batches.</summary>
[Collection(ServicesCollection.Name)]
public sealed class MetricsTests
{
    private const string RunRule = """
        rules:
          - name: run-sampled
            on: run/*
            do:
              - minion.run:
                  tgt: ${{ event.data.minion }}
                  fun: container.run
                  args:
                    image: ${{ event.data.image }}
                    command: [sleep, "2"]
                    network: none
                    wait: true
                    autoRemove: true
                    metrics: { interval: 100ms }
        """;

    // Fails as of 2026-11-28: under `eventreactor up` the first read ends sampling at once (final batch, ended: exited,
    // no samples), while the same reader in a separate process samples the same kind of container fine; not yet understood.
    [Fact(Skip = "under investigation: the minion in `up` ends sampling on the first read; see the comment above")]
    public async Task ContainerRun_WithMetricsInterval100Ms_ShipsAboutTenSamplesASecondAndAFinalBatch()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("run.yaml", RunRule);
        var minion = $"it-{workspace.Id}";
        await using var up = await Reactors.StartUpAsync(workspace, minion);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, $"minion/{minion}/metrics");
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };

        await http.PostAsJsonAsync("/api/events", new { tag = "run/sampled", data = new { minion, image = ServicesFixture.Image } });

        // The container sleeps 2 s; its cgroup vanishing ends sampling with a final batch.
        var final = await stream.WaitForAsync(e => e.Data.GetProperty("final").GetBoolean(), TimeSpan.FromSeconds(60), "final metrics batch");
        var container = final.Data.GetProperty("container").GetString();
        var samples = stream.Events
            .Where(e => e.Data.GetProperty("container").GetString() == container)
            .SelectMany(e => e.Data.GetProperty("samples").EnumerateArray())
            .Select(s => s.GetProperty("time").GetDateTimeOffset())
            .Order()
            .ToList();
        Assert.Equal(100, final.Data.GetProperty("intervalMs").GetDouble());
        Assert.True(samples.Count >= 10, $"only {samples.Count} samples for a 2 s container at 100 ms: {string.Join(" | ", stream.Events.Select(e => e.Data.GetRawText()))}");
        var perSecond = (samples.Count - 1) / (samples[^1] - samples[0]).TotalSeconds;
        Assert.InRange(perSecond, 7, 12); // about ten a second; a busy shared machine fires timers late, never early
        Assert.All(stream.Events, e => Assert.Equal($"minion/{minion}/metrics", e.Tag));
    }
}
