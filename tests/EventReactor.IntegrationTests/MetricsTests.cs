using System.Net.Http.Json;
using System.Text.Json;
using EventReactor.IntegrationTests.Infrastructure;

namespace EventReactor.IntegrationTests;

/// <summary>
/// Metric sampling end to end (issue #6): container.run with a sampling interval under <c>eventreactor up</c>, the
/// minion's batches, and their rows in the reactor's SQLite sink as the HTTP API serves them.
/// </summary>
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
                    command: [sleep, "3"]
                    network: none
                    wait: true
                    autoRemove: true
                    metrics: { interval: 100ms }
        """;

    [Fact]
    public async Task ContainerRun_WithMetricsInterval100Ms_StoresAboutTenSamplesASecondInSqlite()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("run.yaml", RunRule);
        var minion = $"it-{workspace.Id}";
        await using var up = await Reactors.StartUpAsync(workspace, minion);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, $"minion/{minion}/metrics");
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };

        await http.PostAsJsonAsync("/api/events", new { tag = "run/sampled", data = new { minion, image = ServicesFixture.Image } });

        // The container sleeps 3 s; its cgroup vanishing when it exits ends sampling with a final batch.
        var final = await stream.WaitForAsync(e => e.Data.GetProperty("final").GetBoolean(), TimeSpan.FromSeconds(45), "final metrics batch");
        var container = final.Data.GetProperty("container").GetString()!;
        Assert.Equal("exited", final.Data.GetProperty("ended").GetString());
        Assert.True(final.Data.GetProperty("samples").GetArrayLength() > 0, $"the final batch carried no samples: {final.Data.GetRawText()}");
        var shipped = stream.Events.Where(e => e.Data.GetProperty("container").GetString() == container).Sum(e => e.Data.GetProperty("samples").GetArrayLength());

        // Every shipped sample lands in metrics.db, once.
        var samples = await WaitForRowsAsync(http, container, shipped);
        Assert.Equal(shipped, samples.Count);
        var times = samples.Select(s => s.GetProperty("time").GetDateTimeOffset()).ToList();
        var span = (times[^1] - times[0]).TotalSeconds;
        Assert.True(span >= 2.5, $"samples span {span:F2} s of a 3 s container");
        var perSecond = (samples.Count - 1) / span;
        Assert.InRange(perSecond, 7, 12); // about ten a second; a busy shared machine fires timers late, never early

        var summary = await http.GetFromJsonAsync<JsonElement>($"/api/metrics/containers/{container[..12]}/summary");
        Assert.Equal(samples.Count, summary.GetProperty("samples").GetInt32());
        Assert.Equal("exited", summary.GetProperty("ended").GetString());
        Assert.InRange(summary.GetProperty("meanIntervalMs").GetDouble(), 80, 145);
        Assert.True(summary.GetProperty("peakMemoryBytes").GetInt64() > 0);

        // The host is sampled too (every second by default) and its batches stored beside the containers'.
        var host = await WaitForHostSamplesAsync(http, minion);
        Assert.True(host.GetProperty("memoryTotalBytes").GetInt64() > 0);
        Assert.True(host.GetProperty("cpuTotalTicks").GetInt64() > 0);
    }

    private static async Task<List<JsonElement>> WaitForRowsAsync(HttpClient http, string container, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        List<JsonElement> samples = [];
        while (DateTime.UtcNow < deadline)
        {
            var response = await http.GetAsync($"/api/metrics/containers/{container}");
            if (response.IsSuccessStatusCode)
            {
                samples = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("samples").EnumerateArray().ToList();
                if (samples.Count >= expected)
                {
                    return samples;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{samples.Count} of {expected} samples of {container} reached the SQLite sink within 15 s");
    }

    private static async Task<JsonElement> WaitForHostSamplesAsync(HttpClient http, string minion)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var samples = (await http.GetFromJsonAsync<JsonElement>($"/api/metrics/hosts/{minion}")).GetProperty("samples");
            if (samples.GetArrayLength() > 0)
            {
                return samples[0];
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"no host samples of {minion} within 20 s");
    }
}
