using System.Diagnostics;
using EventReactor.IntegrationTests.Infrastructure;
using EventReactor.Messaging;
using EventReactor.Messaging.Telemetry;
using EventReactor.Minion;
using EventReactor.Reactor;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace EventReactor.IntegrationTests;

/// <summary>One trace from a container's death on the minion, through the rule and its action, to the command the minion runs.</summary>
[Collection(ServicesCollection.Name)]
public sealed class TracingTests(ServicesFixture services)
{
    [Fact]
    public async Task ContainerDies_RuleRunsCommand_OneTraceSpansMinionRuleActionAndCommand()
    {
        using var workspace = new TestWorkspace();
        var minion = $"it-{workspace.Id}";
        workspace.WithRules("trace.yaml", $$$"""
            rules:
              - name: ping-on-death
                on: minion/{{{minion}}}/docker/container/die
                when: event.data.name.startsWith('er-{{{workspace.Id}}}')
                do:
                  - minion.run: { tgt: "${{ event.minion }}", fun: test.ping }
            """);
        var spans = new SpanList();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reactor:RulesPath"] = workspace.RulesPath,
            ["Reactor:DataPath"] = workspace.DataPath,
            ["Reactor:Http"] = workspace.Server,
            ["Reactor:PoolsFile"] = Path.Combine(workspace.DataPath, "no-pools.yaml"),
            ["Bus:Url"] = "memory://",
            ["Minion:Id"] = minion,
            ["Minion:DataPath"] = Path.Combine(workspace.DataPath, "minion"),

            // As up does: the in-process minion enrolls over loopback and is trusted at once.
            ["Reactor:Keys:AutoAccept"] = "true",
            ["Minion:Reactor"] = workspace.Server,
        });
        builder.AddReactor();
        builder.AddMinion();
        builder.AddEventBus();
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(EventReactorTelemetry.Name).AddInMemoryExporter(spans));
        await using var app = builder.Build();
        app.MapReactor();
        await app.StartAsync();
        try
        {
            await Reactors.WaitHealthyAsync(null, workspace.Server);
            await Enrollment.WaitAcceptedAsync(workspace.Server, minion);
            await Task.Delay(TimeSpan.FromSeconds(2));

            await services.RunToExitAsync($"er-{workspace.Id}", "sh", "-c", "exit 1");

            var command = await WaitForSpanAsync(spans, s => s.DisplayName == "command test.ping");
            var trace = Snapshot(spans).Where(s => s.TraceId == command.TraceId).Select(s => s.DisplayName).ToList();
            Assert.Contains($"publish minion/{minion}/docker/container/die", trace);
            Assert.Contains($"event minion/{minion}/docker/container/die", trace);
            Assert.Contains("rule ping-on-death", trace);
            Assert.Contains("action minion.run", trace);
            Assert.Contains($"event job/", string.Join('|', trace), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static List<Activity> Snapshot(SpanList spans) => spans.Snapshot();

    private static async Task<Activity> WaitForSpanAsync(SpanList spans, Func<Activity, bool> predicate)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Snapshot(spans).FirstOrDefault(predicate) is { } found)
            {
                // The return's span ends a little after the command's.
                await Task.Delay(1000);
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no such span; have: {string.Join(", ", Snapshot(spans).Select(s => s.DisplayName))}");
    }
}
