using System.Text.Json;
using EventReactor.Contracts.Containers;
using EventReactor.Contracts.Jobs;
using EventReactor.Contracts.Minions;
using EventReactor.Contracts.Tests.Samples;

namespace EventReactor.Contracts.Tests;

public sealed class EventDataTests
{
    [Fact]
    public void DataAs_RecordedContainerEvent_ReadsTypedValues()
    {
        var envelope = EventEnvelope.Create(MinionTags.ContainerEvent("web1", "die"), MinionTags.Source("web1"), RecordedSample.Load("container-die"), "web1");

        var data = envelope.DataAs<ContainerStateChanged>();

        Assert.NotNull(data);
        Assert.Equal("abc123", data.Id);
        Assert.Equal(3, data.ExitCode);
        Assert.Null(data.Reconciled);
        Assert.Equal("r1", data.Labels["bench.run"]);
        Assert.Equal("3", data.Attributes["exitCode"]);
    }

    [Fact]
    public void Read_ContainerRunReturn_ReadsTheNestedReturn()
    {
        var returned = EventData.Read<JobReturned>(RecordedSample.Load("job-return-container-run"));

        var value = EventData.Read<ContainerRunCompleted>(returned!.Return!.Value);

        Assert.Equal(137, returned.RetCode);
        Assert.True(value!.OomKilled);
        Assert.Equal(137, value.ExitCode);
        Assert.Null(value.Name);
    }

    [Fact]
    public void Read_NotAnObject_IsNull()
    {
        Assert.Null(EventData.Read<JobReturned>(JsonDocument.Parse("true").RootElement));
    }

    [Fact]
    public void Read_WrongTypeOfValue_IsNull()
    {
        Assert.Null(EventData.Read<JobReturned>(JsonDocument.Parse("""{"retcode":"not a number"}""").RootElement));
    }

    [Fact]
    public void ToElement_ContainerEventWithoutOptionalValues_OmitsThem()
    {
        var data = EventData.ToElement(new ContainerStateChanged("c1", null, null, "start", null, null, new Dictionary<string, string>(), new Dictionary<string, string>()));

        Assert.Equal("""{"id":"c1","name":null,"image":null,"action":"start","labels":{},"attributes":{}}""", RecordedSample.Canonical(data));
    }
}
