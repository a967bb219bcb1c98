using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests;

/// <summary>What operators do with rules against a running reactor: edit them live, ask why, rely on exactly-once.</summary>
[Collection(ServicesCollection.Name)]
public sealed class RulesTests
{
    private static string EchoRule(string id, int version) => $$$"""
        rules:
          - name: echo
            on: hot/{{{id}}}/in
            do:
              - event.fire:
                  tag: hot/{{{id}}}/out
                  data: { version: {{{version}}}, build: "${{ event.data.build }}" }
        """;

    [Fact]
    public async Task Up_RuleEditedWhileRunning_ChangesBehaviourWithinTwoSecondsAndBadEditKeepsOld()
    {
        using var workspace = new TestWorkspace();
        var id = workspace.Id;
        workspace.WithRules("hot.yaml", EchoRule(id, 1));
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{id}", waitForDocker: false);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, "*");
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };
        async Task<int> RoundTripAsync(int build)
        {
            await http.PostAsJsonAsync("/api/events", new { tag = $"hot/{id}/in", data = new { build } });
            var output = await stream.WaitForAsync(e => e.Tag == $"hot/{id}/out" && e.Data.GetProperty("build").GetInt32() == build, TimeSpan.FromSeconds(10), $"the reaction to build {build}");
            return output.Data.GetProperty("version").GetInt32();
        }

        Assert.Equal(1, await RoundTripAsync(1));

        var edited = Stopwatch.StartNew();
        workspace.WithRules("hot.yaml", EchoRule(id, 2));
        await stream.WaitForAsync(e => e.Tag == "reactor/rules/loaded" && e.Time > DateTimeOffset.UtcNow - edited.Elapsed, TimeSpan.FromSeconds(10), "reactor/rules/loaded after the edit");
        edited.Stop();
        Assert.True(edited.Elapsed < TimeSpan.FromSeconds(2), $"reload took {edited.Elapsed}");
        Assert.Equal(2, await RoundTripAsync(2));

        workspace.WithRules("hot.yaml", "rules:\n  - name: echo\n    on: [hot/x\n");
        var invalid = await stream.WaitForAsync(e => e.Tag == "reactor/rules/invalid", TimeSpan.FromSeconds(10), "reactor/rules/invalid");
        var error = Assert.Single(invalid.Data.GetProperty("errors").EnumerateArray()).GetString();
        Assert.StartsWith(Path.Combine(workspace.RulesPath, "hot.yaml") + ":", error, StringComparison.Ordinal);
        Assert.Equal(2, await RoundTripAsync(3));
        Assert.False(up.HasExited);
    }

    [Fact]
    public async Task RulesExplain_AfterEvents_SaysWhichRuleActedAndWhyOtherDidNot()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("explain.yaml", $$$"""
            rules:
              - name: big-builds
                on: ci/{{{workspace.Id}}}/*
                when: event.data.size > 100
                do:
                  - log: { message: "big build ${{ event.data.size }}" }
              - name: every-build
                on: ci/{{{workspace.Id}}}/*
                do:
                  - event.fire: { tag: "seen/{{{workspace.Id}}}", data: { size: "${{ event.data.size }}" } }
            """);
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{workspace.Id}", waitForDocker: false);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, $"seen/{workspace.Id}");
        await using var send = CliProcess.Start(["event", "send", $"ci/{workspace.Id}/finished", """{"size": 7}""", "--server", workspace.Server]);
        Assert.Equal(0, await send.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var eventId = Assert.Single(send.Stdout);
        await stream.WaitForAsync(e => e.CausedBy == eventId, TimeSpan.FromSeconds(10), "the reaction");

        await using var explain = CliProcess.Start(["rules", "explain", eventId, "--server", workspace.Server]);

        Assert.Equal(0, await explain.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var output = string.Join('\n', explain.Stdout);
        Assert.Contains("big-builds", output, StringComparison.Ordinal);
        Assert.Contains("condition-false: condition false: event.data.size > 100", output, StringComparison.Ordinal);
        Assert.Contains("every-build", output, StringComparison.Ordinal);
        Assert.Contains("event.fire done after 1 attempt(s)", output, StringComparison.Ordinal);
        Assert.Contains("\"size\":7", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesTest_ArgumentsOfEveryCelType_PrintsEveryRuleWithCelJsonMapping()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("types.yaml", """
            rules:
              - name: typed
                on: ci/*
                do:
                  - event.fire:
                      tag: typed/out
                      data:
                        inf: ${{ event.data.ratio / 0.0 }}
                        nan: ${{ 0.0 / 0.0 }}
                        big: ${{ 18446744073709551615u }}
                        at: ${{ timestamp('9999-12-31T23:59:59.999999999Z') }}
                        took: ${{ duration('1500ms') }}
                        raw: ${{ b'\xff\x00' }}
                        nested: "${{ {'a': {'b': '}}'}}.a.b }}"
              - name: after
                on: ci/*
                when: event.data.missing || event.data.ratio > 1.0
                do:
                  - log: { message: "ratio ${{ event.data.ratio }}" }
            """);
        var eventPath = Path.Combine(workspace.RulesPath, "..", "event.json");
        await File.WriteAllTextAsync(eventPath, """{"tag": "ci/build/finished", "data": {"ratio": 15.75}}""");

        await using var test = CliProcess.Start(["rules", "test", "--event", eventPath, "--rules", workspace.RulesPath, "--json"]);

        Assert.Equal(0, await test.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        using var result = JsonDocument.Parse(string.Join('\n', test.Stdout));
        Assert.Equal(["typed", "after"], result.RootElement.GetProperty("matched").EnumerateArray().Select(e => e.GetString()));
        var data = result.RootElement.GetProperty("actions")[0].GetProperty("arguments").GetProperty("data");
        Assert.Equal("Infinity", data.GetProperty("inf").GetString());
        Assert.Equal("NaN", data.GetProperty("nan").GetString());
        Assert.Equal("18446744073709551615", data.GetProperty("big").GetString());
        Assert.Equal("9999-12-31T23:59:59.999999999Z", data.GetProperty("at").GetString());
        Assert.Equal("1.5s", data.GetProperty("took").GetString());
        Assert.Equal("/wA=", data.GetProperty("raw").GetString());
        Assert.Equal("}}", data.GetProperty("nested").GetString());
    }

    [Fact]
    public async Task Reactor_SameEventDeliveredTwiceAndAfterRestart_ActsOnce()
    {
        using var workspace = new TestWorkspace();
        var id = workspace.Id;
        workspace.WithRules("once.yaml", $$$"""
            rules:
              - name: once
                on: dup/{{{id}}}/in
                do:
                  - event.fire: { tag: "dup/{{{id}}}/out" }
            """);
        var original = EventEnvelope.Create($"dup/{id}/in", "/test");
        var reactor = await StartReactorAsync(workspace);
        try
        {
            await using (var stream = await EventStreamClient.ConnectAsync(workspace.Server, $"dup/{id}/*"))
            {
                await PublishRawAsync(original);
                await PublishRawAsync(original);
                await stream.WaitForAsync(e => e.Tag == $"dup/{id}/out", TimeSpan.FromSeconds(15), "the reaction");

                // Both deliveries of the input arrive; the second must not act.
                await stream.WaitForAsync(e => e.Tag == $"dup/{id}/in" && stream.Events.Count(i => i.Id == original.Id) == 2, TimeSpan.FromSeconds(10), "the second delivery");
                await Task.Delay(500);
                Assert.Single(stream.Events, e => e.Tag == $"dup/{id}/out");
            }

            await reactor.DisposeAsync();
            reactor = await StartReactorAsync(workspace);
            await using (var stream = await EventStreamClient.ConnectAsync(workspace.Server, $"dup/{id}/*"))
            {
                await PublishRawAsync(original);
                await stream.WaitForAsync(e => e.Id == original.Id, TimeSpan.FromSeconds(15), "the redelivery after restart");
                await Task.Delay(1000);
                Assert.DoesNotContain(stream.Events, e => e.Tag == $"dup/{id}/out");
            }
        }
        finally
        {
            await reactor.DisposeAsync();
        }
    }

    private static async Task<CliProcess> StartReactorAsync(TestWorkspace workspace)
    {
        var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", ServicesFixture.RabbitMqUrl]);
        await Reactors.WaitReadyAsync(reactor, workspace.Server);
        return reactor;
    }

    // What a redelivery looks like on the wire: the same CloudEvent, same id, published again by a plain AMQP client.
    private static async Task PublishRawAsync(EventEnvelope envelope)
    {
        await using var connection = await ServicesFixture.Broker().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = "application/json", Persistent = true, MessageId = envelope.Id };
        await channel.BasicPublishAsync("eventreactor.events", string.Empty, true, properties, Encoding.UTF8.GetBytes(CloudEventJson.Serialize(envelope)));
    }
}
