using System.Text.Json;
using EventReactor.Contracts;

namespace EventReactor.Contracts.Tests;

public sealed class CloudEventJsonConverterTests
{
    private static readonly EventEnvelope Sample = new()
    {
        Id = "0194b3c1a2b34c5d8e9f0a1b2c3d4e5f",
        Tag = "minion/web1/docker/container/die",
        Source = "/minion/web1",
        Time = new DateTimeOffset(2026, 11, 28, 12, 30, 15, 123, TimeSpan.Zero),
        Minion = "web1",
        CausedBy = "parent-id",
        Depth = 2,
        Data = JsonDocument.Parse("""{"exitCode": 3, "name": "c1", "labels": {"a": "b"}, "ratio": 0.5}""").RootElement,
    };

    [Fact]
    public void Serialize_Envelope_WritesCloudEventsStructuredForm()
    {
        using var json = JsonDocument.Parse(CloudEventJson.Serialize(Sample));
        var root = json.RootElement;

        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal(Sample.Id, root.GetProperty("id").GetString());
        Assert.Equal("/minion/web1", root.GetProperty("source").GetString());
        Assert.Equal(CloudEventAttributes.EventType, root.GetProperty("type").GetString());
        Assert.Equal("2026-11-28T12:30:15.1230000Z", root.GetProperty("time").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal(Sample.Tag, root.GetProperty("tag").GetString());
        Assert.Equal("web1", root.GetProperty("minion").GetString());
        Assert.Equal("parent-id", root.GetProperty("causedby").GetString());
        Assert.Equal(2, root.GetProperty("depth").GetInt32());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("data").GetProperty("exitCode").ValueKind);
    }

    [Fact]
    public void Deserialize_SerializedEnvelope_RoundTripsEveryField()
    {
        var copy = CloudEventJson.Deserialize(CloudEventJson.SerializeToUtf8Bytes(Sample));

        Assert.Equal(Sample.Id, copy.Id);
        Assert.Equal(Sample.Tag, copy.Tag);
        Assert.Equal(Sample.Source, copy.Source);
        Assert.Equal(Sample.Time, copy.Time);
        Assert.Equal(Sample.Minion, copy.Minion);
        Assert.Equal(Sample.CausedBy, copy.CausedBy);
        Assert.Equal(Sample.Depth, copy.Depth);
        Assert.Equal(3, copy.Data.GetProperty("exitCode").GetInt32());
        Assert.Equal(0.5, copy.Data.GetProperty("ratio").GetDouble());
        Assert.Equal("b", copy.Data.GetProperty("labels").GetProperty("a").GetString());
    }

    [Fact]
    public void Deserialize_MinimalEventFromAnotherService_FillsDefaults()
    {
        var envelope = CloudEventJson.Deserialize("""{"specversion":"1.0","id":"x1","source":"ci","type":"com.example.build","tag":"ci/build/finished"}""");

        Assert.Equal("ci/build/finished", envelope.Tag);
        Assert.Null(envelope.Minion);
        Assert.Null(envelope.CausedBy);
        Assert.Equal(0, envelope.Depth);
        Assert.Equal(JsonValueKind.Object, envelope.Data.ValueKind);
        Assert.True(DateTimeOffset.UtcNow - envelope.Time < TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("""{"specversion":"1.0","id":"x","source":"s","type":"t"}""", "required attribute 'tag' is missing")]
    [InlineData("""{"specversion":"0.3","id":"x","source":"s","type":"t","tag":"a"}""", "specversion '0.3' is not supported")]
    [InlineData("""{"specversion":"1.0","source":"s","type":"t","tag":"a"}""", "required attribute 'id' is missing")]
    [InlineData("""{"specversion":"1.0","id":"x","source":"s","type":"t","tag":"a","data":[1]}""", "'data' must be a JSON object")]
    [InlineData("""{"specversion":"1.0","id":"x","source":"s","type":"t","tag":"a b"}""", "whitespace")]
    [InlineData("""{"specversion":"1.0","id":"x","source":"s","type":"t","tag":"a","depth":-1}""", "'depth' must be a non-negative integer")]
    [InlineData("""{"specversion":"1.0","id":"x","source":"s","type":"t","tag":"a","time":"yesterday"}""", "not an RFC 3339 timestamp")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    public void Deserialize_InvalidEvent_ThrowsWithReason(string json, string reason)
    {
        var error = Assert.ThrowsAny<JsonException>(() => CloudEventJson.Deserialize(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateCaused_FromEvent_PointsBackAndGoesOneDeeper()
    {
        var child = Sample.CreateCaused("demo/died", "/reactor");

        Assert.Equal(Sample.Id, child.CausedBy);
        Assert.Equal(Sample.Depth + 1, child.Depth);
        Assert.NotEqual(Sample.Id, child.Id);
    }
}
