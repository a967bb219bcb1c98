using System.Text;
using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Journal;

namespace EventReactor.Reactor.Tests.Journal;

/// <summary>Replay reads the audit's actions column by hand; it must give what the serializer gives.</summary>
public sealed class AuditActionsReaderTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Read_AsTheAuditStoreWritesIt_GivesWhatTheSerializerGives()
    {
        IReadOnlyList<ActionAudit> actions =
        [
            new("log", "a.yaml:3:9", JsonElement.Parse("""{"message":"x","n":[1,2.5,{"deep":null}]}"""), ActionStatus.Done, "ok", null, 1, 0.25),
            new("event.fire", "a.yaml:4:9", null, ActionStatus.Failed, null, "boom", 3, 12),
            new("http", "b.yaml:1:1", JsonElement.Parse("\"text\""), ActionStatus.Duplicate, null, null, 0, 0),
        ];
        var json = JsonSerializer.SerializeToUtf8Bytes(actions, Web);

        var read = AuditActionsReader.Read(json);

        Assert.Equal(Reserialize(JsonSerializer.Deserialize<List<ActionAudit>>(json, Web)!), Reserialize(read));
        Assert.Null(read[1].Arguments);
        Assert.Equal(ActionStatus.Failed, read[1].Status);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"Action":"log","Location":"a:1:1","Arguments":null,"Status":"done","Result":null,"Error":null,"Attempts":1,"DurationMs":1}]""")]
    [InlineData("""[{"action":"log","location":"a:1:1","status":"done","attempts":1,"durationMs":1}]""")]
    public void Read_OtherShapes_GivesWhatTheSerializerGives(string text)
    {
        var json = Encoding.UTF8.GetBytes(text);

        Assert.Equal(Reserialize(JsonSerializer.Deserialize<List<ActionAudit>>(json, Web)!), Reserialize(AuditActionsReader.Read(json)));
    }

    [Fact]
    public void Read_UnknownStatus_FailsAsTheSerializerDoes()
    {
        var json = Encoding.UTF8.GetBytes("""[{"action":"log","location":"a:1:1","arguments":null,"status":"later","result":null,"error":null,"attempts":1,"durationMs":1}]""");

        Assert.Throws<JsonException>(() => AuditActionsReader.Read(json));
    }

    private static string Reserialize(IReadOnlyList<ActionAudit> actions) => JsonSerializer.Serialize(actions, Web);
}
