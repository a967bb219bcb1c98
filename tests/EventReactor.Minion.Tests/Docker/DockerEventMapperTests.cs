using Docker.DotNet.Models;
using EventReactor.Contracts.Tests.Samples;
using EventReactor.Minion.Docker;

namespace EventReactor.Minion.Tests.Docker;

public sealed class DockerEventMapperTests
{
    private static Message Die(string exitCode = "3") => new()
    {
        Type = "container",
        Action = "die",
        Status = "die",
        ID = "abc123",
        From = "eventreactor/busybox:latest",
        Time = 1764333015,
        TimeNano = 1764333015123456789,
        Actor = new Actor
        {
            ID = "abc123",
            Attributes = new Dictionary<string, string>
            {
                ["name"] = "happy_turing",
                ["image"] = "eventreactor/busybox:latest",
                ["exitCode"] = exitCode,
                ["bench.run"] = "r1",
            },
        },
    };

    [Fact]
    public void Map_DieEvent_TagsWithMinionAndAction()
    {
        var envelope = DockerEventMapper.Map(Die(), "web1");

        Assert.Equal("minion/web1/docker/container/die", envelope.Tag);
        Assert.Equal("web1", envelope.Minion);
        Assert.Equal("/minion/web1", envelope.Source);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764333015).AddTicks(1234567), envelope.Time);
    }

    [Fact]
    public void Map_DieEvent_GivesIntegerExitCodeAndSeparatesLabels()
    {
        var data = DockerEventMapper.Map(Die(), "web1").Data;

        Assert.Equal("abc123", data.GetProperty("id").GetString());
        Assert.Equal("happy_turing", data.GetProperty("name").GetString());
        Assert.Equal("eventreactor/busybox:latest", data.GetProperty("image").GetString());
        Assert.Equal("die", data.GetProperty("action").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, data.GetProperty("exitCode").ValueKind);
        Assert.Equal(3, data.GetProperty("exitCode").GetInt32());
        Assert.Equal("r1", data.GetProperty("labels").GetProperty("bench.run").GetString());
        Assert.False(data.GetProperty("labels").TryGetProperty("name", out _));
        Assert.Equal("3", data.GetProperty("attributes").GetProperty("exitCode").GetString());
    }

    [Fact]
    public void Map_ActionWithDetail_SplitsAtColon()
    {
        var message = Die();
        message.Action = "health_status: unhealthy";

        var envelope = DockerEventMapper.Map(message, "web1");

        Assert.Equal("minion/web1/docker/container/health_status", envelope.Tag);
        Assert.Equal("unhealthy", envelope.Data.GetProperty("detail").GetString());
    }

    [Fact]
    public void Map_StartEvent_HasNoExitCode()
    {
        var message = Die();
        message.Action = "start";
        message.Actor.Attributes.Remove("exitCode");

        Assert.False(DockerEventMapper.Map(message, "web1").Data.TryGetProperty("exitCode", out _));
    }

    [Fact]
    public void Map_SameEngineEventTwice_KeepsItsId()
    {
        Assert.Equal(DockerEventMapper.Map(Die(), "web1").Id, DockerEventMapper.Map(Die(), "web1").Id);
        Assert.True(Guid.TryParse(DockerEventMapper.Map(Die(), "web1").Id, out _));
    }

    [Fact]
    public void Map_DifferentEngineEvents_GetDifferentIds()
    {
        var later = Die();
        later.TimeNano++;

        Assert.NotEqual(DockerEventMapper.Map(Die(), "web1").Id, DockerEventMapper.Map(later, "web1").Id);
    }

    [Fact]
    public void MapReconciled_Die_HasTheStreamShapeMarkedReconciled()
    {
        var transition = new ContainerTransition("abc123", "happy_turing", "eventreactor/busybox:latest", "die", 1764333015123456789, 137, new Dictionary<string, string> { ["bench.run"] = "r1" });

        var envelope = DockerEventMapper.MapReconciled(transition, "web1");

        Assert.Equal("minion/web1/docker/container/die", envelope.Tag);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764333015).AddTicks(1234567), envelope.Time);
        var data = envelope.Data;
        Assert.Equal("abc123", data.GetProperty("id").GetString());
        Assert.Equal("happy_turing", data.GetProperty("name").GetString());
        Assert.Equal(137, data.GetProperty("exitCode").GetInt32());
        Assert.True(data.GetProperty("reconciled").GetBoolean());
        Assert.Equal("r1", data.GetProperty("labels").GetProperty("bench.run").GetString());
        Assert.Equal("137", data.GetProperty("attributes").GetProperty("exitCode").GetString());
        Assert.Equal(envelope.Id, DockerEventMapper.MapReconciled(transition, "web1").Id);
    }

    [Fact]
    public void Map_DieEvent_WritesRecordedJson()
    {
        Assert.Equal(RecordedSample.Text("container-die"), RecordedSample.Canonical(DockerEventMapper.Map(Die(), "web1").Data));
    }

    [Fact]
    public void Map_ActionWithDetailAndNoName_WritesRecordedJson()
    {
        var message = new Message
        {
            Type = "container",
            Action = "health_status: healthy",
            ID = "abc123",
            TimeNano = 1764333015123456789,
            Actor = new Actor { ID = "abc123", Attributes = new Dictionary<string, string> { ["image"] = "eventreactor/busybox:latest", ["app"] = "web" } },
        };

        Assert.Equal(RecordedSample.Text("container-health-status"), RecordedSample.Canonical(DockerEventMapper.Map(message, "web1").Data));
    }

    [Fact]
    public void MapReconciled_Die_WritesRecordedJson()
    {
        var transition = new ContainerTransition("abc123", "happy_turing", "eventreactor/busybox:latest", "die", 1764333015123456789, 137, new Dictionary<string, string> { ["bench.run"] = "r1" });

        Assert.Equal(RecordedSample.Text("container-die-reconciled"), RecordedSample.Canonical(DockerEventMapper.MapReconciled(transition, "web1").Data));
    }

    [Fact]
    public void MapReconciled_StartWithoutNameOrImage_WritesRecordedJson()
    {
        var transition = new ContainerTransition("abc123", null, null, "start", 0, null, new Dictionary<string, string>());

        Assert.Equal(RecordedSample.Text("container-start-reconciled"), RecordedSample.Canonical(DockerEventMapper.MapReconciled(transition, "web1").Data));
    }
}
