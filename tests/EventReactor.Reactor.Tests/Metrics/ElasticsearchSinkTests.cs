using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using EventReactor.Contracts;
using EventReactor.Reactor.Metrics;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventReactor.Reactor.Tests.Metrics;

/// <summary>The Elasticsearch sink against <see cref="ElasticsearchStandIn"/>, a stand-in of the bulk endpoint.</summary>
public sealed class ElasticsearchSinkTests
{
    [Fact]
    public async Task ShipOnceAsync_ContainerBatch_SendsCreateActionsIntoDataStreamWithDerivedIdsAndEcsFields()
    {
        await using var es = await ElasticsearchStandIn.StartAsync();
        await using var sinks = Sinks(es.Url);
        await sinks.Writer.WriteAsync([MetricBatches.Container("m1", "c1", count: 5)], CancellationToken.None);

        Assert.Equal(5, await sinks.Shipper().ShipOnceAsync(100, CancellationToken.None));

        var call = Assert.Single(es.Calls);
        Assert.Contains("x-ndjson", call.ContentType, StringComparison.Ordinal);
        Assert.Equal(5, call.Actions.Count);
        var (action, first) = call.Actions[0];
        var create = Assert.IsType<JsonObject>(action["create"]);
        Assert.Equal("metrics-eventreactor.container-default", create["_index"]!.GetValue<string>());
        Assert.Equal(DocumentIds.Container("m1", "c1", MetricBatches.Start), create["_id"]!.GetValue<string>());
        Assert.Equal("2026-11-28T12:00:00.000000Z", first["@timestamp"]!.GetValue<string>());
        Assert.Equal("m1", first["host"]!["name"]!.GetValue<string>());
        Assert.Equal("c1", first["container"]!["id"]!.GetValue<string>());
        Assert.Equal("bench-1", first["container"]!["name"]!.GetValue<string>());
        Assert.Equal(1.0 / 8192, first["container"]!["memory"]!["usage"]!.GetValue<double>(), precision: 6); // 1 MiB of the host's 8 GiB: no limit
        Assert.Null(first["container"]!["cpu"]); // a rate needs two samples
        Assert.Equal(50_000_000L, first["eventreactor"]!["container"]!["cpu"]!["usage_ns"]!.GetValue<long>());
        Assert.Equal("eventreactor.container", first["data_stream"]!["dataset"]!.GetValue<string>());

        var second = call.Actions[1].Document;
        Assert.Equal(0.125, second["container"]!["cpu"]!["usage"]!.GetValue<double>(), precision: 6); // 0.05 s per 100 ms = 0.5 cores of 4
        Assert.Equal(1000, second["container"]!["network"]!["ingress"]!["bytes"]!.GetValue<long>());
        Assert.Equal(500, second["container"]!["network"]!["egress"]!["bytes"]!.GetValue<long>());
        Assert.Equal(4096, second["container"]!["disk"]!["read"]!["bytes"]!.GetValue<long>());
        Assert.Equal(0, await PendingAsync(sinks));
    }

    [Fact]
    public async Task ShipOnceAsync_BatchResent_SameIdsAndConflictCountsAsShipped()
    {
        await using var es = await ElasticsearchStandIn.StartAsync();
        await using var sinks = Sinks(es.Url);
        var batch = MetricBatches.Container("m1", "c1", count: 3);
        var shipper = sinks.Shipper();

        await sinks.Writer.WriteAsync([batch], CancellationToken.None);
        await shipper.ShipOnceAsync(100, CancellationToken.None);
        await sinks.Writer.WriteAsync([batch], CancellationToken.None); // the bus delivered it again
        await shipper.ShipOnceAsync(100, CancellationToken.None);

        Assert.Equal(2, es.Calls.Count);
        Assert.Equal(es.Calls[0].Ids, es.Calls[1].Ids);
        Assert.Equal(0, await PendingAsync(sinks)); // the 409s are successes, not retries
    }

    [Fact]
    public async Task ShipOnceAsync_ItemPushedBack_KeepsOnlyThatItemAndSendsItAgain()
    {
        await using var es = await ElasticsearchStandIn.StartAsync();
        await using var sinks = Sinks(es.Url);
        var pushedBack = DocumentIds.Container("m1", "c1", MetricBatches.Start.AddMilliseconds(100));
        es.ItemStatus = (call, id) => call == 1 && id == pushedBack ? 429 : null;
        await sinks.Writer.WriteAsync([MetricBatches.Container("m1", "c1", count: 3)], CancellationToken.None);
        var shipper = sinks.Shipper();

        await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => shipper.ShipOnceAsync(100, CancellationToken.None));
        Assert.Equal(1, await PendingAsync(sinks));
        await shipper.ShipOnceAsync(100, CancellationToken.None);

        Assert.Equal([pushedBack], es.Calls[1].Ids);
        Assert.Equal(0, await PendingAsync(sinks));
    }

    [Fact]
    public async Task ShipOnceAsync_ItemRejectedWith400_DropsItInsteadOfRetryingForever()
    {
        await using var es = await ElasticsearchStandIn.StartAsync();
        await using var sinks = Sinks(es.Url);
        es.ItemStatus = (_, _) => 400;
        await sinks.Writer.WriteAsync([MetricBatches.Host("m1", 2)], CancellationToken.None);

        await sinks.Shipper().ShipOnceAsync(100, CancellationToken.None);

        Assert.Equal(0, await PendingAsync(sinks));
    }

    [Fact]
    public async Task ShipOnceAsync_HostBatch_SendsHostDocumentsWithCpuUsageFraction()
    {
        await using var es = await ElasticsearchStandIn.StartAsync();
        await using var sinks = Sinks(es.Url);
        await sinks.Writer.WriteAsync([MetricBatches.Host("m1", 2)], CancellationToken.None);

        await sinks.Shipper().ShipOnceAsync(100, CancellationToken.None);

        var (action, document) = Assert.Single(es.Calls).Actions[1];
        Assert.Equal("metrics-eventreactor.host-default", action["create"]!["_index"]!.GetValue<string>());
        Assert.Equal(DocumentIds.Host("m1", MetricBatches.Start.AddSeconds(1)), action["create"]!["_id"]!.GetValue<string>());
        Assert.Equal(0.25, document["host"]!["cpu"]!["usage"]!.GetValue<double>(), precision: 6); // 300 idle of 400 ticks
        Assert.Equal(512, document["host"]!["disk"]!["read"]!["bytes"]!.GetValue<long>());
        Assert.Equal(4L << 30, document["system"]!["memory"]!["actual"]!["free"]!.GetValue<long>());
    }

    [Fact]
    public async Task ShipOnceAsync_BenchmarkDone_OneDocumentPerResultAndTheEvent()
    {
        await using var es = await ElasticsearchStandIn.StartAsync();
        await using var sinks = Sinks(es.Url);
        var done = MetricBatches.BenchmarkDone("r42");
        await sinks.Writer.WriteAsync([done], CancellationToken.None);

        await sinks.Shipper().ShipOnceAsync(100, CancellationToken.None);

        var actions = Assert.Single(es.Calls).Actions;
        var results = actions.Where(a => a.Action["create"]!["_index"]!.GetValue<string>() == "metrics-eventreactor.benchmark-default").ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal(DocumentIds.Benchmark("r42", "gpu1", "triad"), results[0].Action["create"]!["_id"]!.GetValue<string>());
        var gpu1 = results[0].Document;
        Assert.Equal("2026-11-28T12:02:00.000000Z", gpu1["@timestamp"]!.GetValue<string>());
        Assert.Equal("gpu1", gpu1["host"]!["name"]!.GetValue<string>());
        Assert.Equal("success", gpu1["event"]!["outcome"]!.GetValue<string>());
        Assert.Equal("p5.48xlarge", gpu1["cloud"]!["machine"]!["type"]!.GetValue<string>());
        var benchmark = gpu1["eventreactor"]!["benchmark"]!;
        Assert.Equal("stream", benchmark["suite"]!.GetValue<string>());
        Assert.Equal(9000.5, benchmark["mean"]!.GetValue<double>());
        Assert.Equal(9010.0, benchmark["p95"]!.GetValue<double>());
        Assert.True(benchmark["higher_is_better"]!.GetValue<bool>());
        Assert.Equal("NVIDIA H200", benchmark["grains"]!["gpu_models"]![0]!.GetValue<string>());
        var (eventAction, eventDocument) = Assert.Single(actions, a => a.Action["create"]!["_index"]!.GetValue<string>() == "logs-eventreactor.events-default");
        Assert.Equal(done.Id, eventAction["create"]!["_id"]!.GetValue<string>());
        Assert.Equal(done.Id, eventDocument["event"]!["id"]!.GetValue<string>());
        Assert.Equal("bench/r42/done", eventDocument["event"]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task ShipOnceAsync_ApiKey_SentAsApiKeyAuthorization()
    {
        await using var es = await ElasticsearchStandIn.StartAsync();
        await using var sinks = Sinks(es.Url, apiKey: "c2VjcmV0");
        await sinks.Writer.WriteAsync([EventEnvelope.Create("ci/build/finished", "/ci")], CancellationToken.None);

        await sinks.Shipper().ShipOnceAsync(100, CancellationToken.None);

        Assert.Equal("ApiKey c2VjcmV0", Assert.Single(es.Calls).Authorization);
    }

    [Fact]
    public async Task WriteAsync_ElasticsearchOnly_KeepsDocumentsForTheShipperButNoSampleRows()
    {
        await using var sinks = new MetricsSinkHarness(o =>
        {
            o.Sinks = [MetricsSinkNames.Elasticsearch];
            o.Elasticsearch = new ElasticsearchSinkOptions { Url = "http://127.0.0.1:9" };
        });

        await sinks.Writer.WriteAsync([MetricBatches.Container("m1", "c1", count: 4), EventEnvelope.Create("ci/build/finished", "/ci")], CancellationToken.None);

        Assert.Equal(5, await PendingAsync(sinks));
        Assert.Empty(await sinks.Query.SamplesAsync("c1", since: null, limit: 10, CancellationToken.None));
    }

    [Fact]
    public async Task Shipper_ElasticsearchDownThenUp_BacksOffWhileEventsAreStillHandledAndShipsEverything()
    {
        var port = FreePort();
        await using var sinks = Sinks($"http://127.0.0.1:{port}");
        var observer = new MetricsObserver(sinks.Queue, sinks.Options, TimeProvider.System, NullLogger<MetricsObserver>.Instance);
        using var shipper = sinks.Shipper();
        await sinks.Writer.StartAsync(CancellationToken.None);
        await shipper.StartAsync(CancellationToken.None);

        // Nothing listens: connections are refused, and handing events over still never waits.
        for (var i = 0; i < 10; i++)
        {
            var observed = observer.ObserveAsync(MetricBatches.Container("m1", "c1", count: 2, from: 2 * i), CancellationToken.None);
            Assert.True(observed.IsCompletedSuccessfully);
        }

        await Task.Delay(1500);
        Assert.Equal(20, await PendingAsync(sinks));

        // Up, but answering 503 twice before it takes the documents.
        await using var es = await ElasticsearchStandIn.StartAsync(port);
        es.RequestStatus = call => call <= 2 ? 503 : null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await PendingAsync(sinks) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await shipper.StopAsync(CancellationToken.None);
        await sinks.Writer.StopAsync(CancellationToken.None);
        Assert.Equal(0, await PendingAsync(sinks));
        Assert.True(es.Calls.Count >= 3, $"{es.Calls.Count} calls");
        Assert.Equal(20, es.Calls.Skip(2).SelectMany(c => c.Ids).Distinct().Count());
    }

    private static MetricsSinkHarness Sinks(string url, string? apiKey = null) => new(o =>
    {
        o.Sinks = [MetricsSinkNames.Sqlite, MetricsSinkNames.Elasticsearch];
        o.Elasticsearch = new ElasticsearchSinkOptions { Url = url, ApiKey = apiKey, RetryDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromMilliseconds(400), RequestTimeout = TimeSpan.FromSeconds(5) };
    });

    private static Task<long> PendingAsync(MetricsSinkHarness sinks) => sinks.Database.CountOutboxAsync(CancellationToken.None);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
