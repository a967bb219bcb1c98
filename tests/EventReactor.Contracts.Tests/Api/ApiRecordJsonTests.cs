using System.Text.Json;
using System.Text.Json.Nodes;
using EventReactor.Contracts.Api;

namespace EventReactor.Contracts.Tests.Api;

/// <summary>
/// Pins the API's JSON: each sample was recorded from a running reactor (<c>eventreactor up</c> and curl) while its
/// answers were still anonymous objects. A record that reads a sample and writes it back byte for byte keeps every
/// property's name, casing, order and null.
/// </summary>
public sealed class ApiRecordJsonTests
{
    public static TheoryData<string, Type> Samples => new()
    {
        { "EventAccepted", typeof(EventAccepted) },
        { "PublishEventRequest", typeof(PublishEventRequest) },
        { "EventAudit", typeof(EventAudit) },
        { "ReactorStatus", typeof(ReactorStatus) },
        { "ReadinessReport", typeof(ReadinessReport) },
        { "MinionView.list", typeof(List<MinionView>) },
        { "JobView", typeof(JobView) },
        { "PoolView.list", typeof(List<PoolView>) },
        { "PoolMemberAdded", typeof(PoolMemberAdded) },
        { "PoolMemberRemoved", typeof(PoolMemberRemoved) },
        { "StartBenchmarkRunRequest", typeof(StartBenchmarkRunRequest) },
        { "BenchmarkRunSummary.list", typeof(List<BenchmarkRunSummary>) },
        { "BenchmarkRunReport", typeof(BenchmarkRunReport) },
        { "BenchmarkComparisonRow.list", typeof(List<BenchmarkComparisonRow>) },
        { "ContainerSamples", typeof(ContainerSamples) },
        { "ContainerMetricsSummary", typeof(ContainerMetricsSummary) },
        { "HostSamples", typeof(HostSamples) },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Serialize_RecordReadFromRecordedSample_WritesTheSameJson(string sample, Type type)
    {
        var recorded = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Api", "Samples", $"{sample}.json"));

        // Read as the CLI reads an answer, written as ASP.NET writes a result: both with the web defaults.
        var record = JsonSerializer.Deserialize(recorded, type, JsonSerializerOptions.Web);
        var written = JsonSerializer.Serialize(record, type, JsonSerializerOptions.Web);

        Assert.Equal(Compact(recorded), Compact(written));
    }

    [Fact]
    public void Serialize_AuditRecord_WritesOutcomeAndActionStatusByWireName()
    {
        var record = new AuditRecord("e1", "a/b", "r", "f.yaml:1:1", RuleOutcome.ConditionError, "no such field", [
            new ActionAudit("log", "f.yaml:2:3", null, ActionStatus.Duplicate, null, null, 0, 0),
        ], DateTimeOffset.UnixEpoch, 1.5);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(record, JsonSerializerOptions.Web));

        Assert.Equal(("condition-error", "duplicate"), (json.RootElement.GetProperty("outcome").GetString(), json.RootElement.GetProperty("actions")[0].GetProperty("status").GetString()));
    }

    [Fact]
    public void Serialize_StartBenchmarkRunRequest_NamesTheTargetTypeTgtType()
    {
        var json = JsonSerializer.Serialize(new StartBenchmarkRunRequest("cpu-loop", null, null), JsonSerializerOptions.Web);

        Assert.Equal("""{"suite":"cpu-loop","tgt":null,"tgt_type":null}""", json);
    }

    // Both sides through the same writer, so that only names, order, values and nulls count, not how a string was escaped.
    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();
}
