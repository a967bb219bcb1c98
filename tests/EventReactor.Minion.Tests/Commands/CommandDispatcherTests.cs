using System.Text.Json;
using System.Text.RegularExpressions;
using EventReactor.Contracts;
using EventReactor.Contracts.Tests.Samples;
using EventReactor.Minion.Commands;
using EventReactor.Minion.Commands.Functions;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventReactor.Minion.Tests.Commands;

public sealed class CommandDispatcherTests
{
    private readonly RecordingEventPublisher _publisher = new();

    private async Task<JsonElement> DispatchAsync(string function, string arguments = "{}")
    {
        var dispatcher = new CommandDispatcher([new TestPingFunction()], _publisher, NullLogger<CommandDispatcher>.Instance);
        await dispatcher.DispatchAsync(
            new MinionCommand { Jid = "j1", Minion = "m1", Function = function, Arguments = JsonDocument.Parse(arguments).RootElement, CausedBy = "e1", Depth = 2 },
            CancellationToken.None);
        var returned = Assert.Single(_publisher.Published);
        Assert.Equal("job/j1/ret/m1", returned.Tag);
        Assert.Equal("e1", returned.CausedBy);
        Assert.Equal(3, returned.Depth);
        return returned.Data;
    }

    [Fact]
    public async Task DispatchAsync_TestPing_ReturnsTrue()
    {
        var data = await DispatchAsync("test.ping");

        Assert.True(data.GetProperty("success").GetBoolean());
        Assert.Equal(0, data.GetProperty("retcode").GetInt32());
        Assert.True(data.GetProperty("return").GetBoolean());
        Assert.Equal("test.ping", data.GetProperty("fun").GetString());
    }

    [Fact]
    public async Task DispatchAsync_UnknownFunction_FailedReturnSaysWhy()
    {
        var data = await DispatchAsync("cmd.run");

        Assert.False(data.GetProperty("success").GetBoolean());
        Assert.Equal("unknown function 'cmd.run'; this minion runs test.ping", data.GetProperty("error").GetString());
    }

    [Fact]
    public async Task DispatchAsync_UnknownArgument_FailedReturnNamesIt()
    {
        var data = await DispatchAsync("test.ping", """{"verbose": true}""");

        Assert.False(data.GetProperty("success").GetBoolean());
        Assert.Contains("does not take 'verbose'", data.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test.ping", "job-return")]
    [InlineData("cmd.run", "job-return-failed")]
    public async Task DispatchAsync_Function_WritesRecordedJson(string function, string sample)
    {
        var dispatcher = new CommandDispatcher([new TestPingFunction()], _publisher, NullLogger<CommandDispatcher>.Instance);

        await dispatcher.DispatchAsync(new MinionCommand { Jid = "20261128120000123456001", Minion = "web1", Function = function }, CancellationToken.None);

        // The duration is whatever this run took; everything else, and its form, is as recorded.
        static string WithoutDuration(string json) => Regex.Replace(json, "\"durationMs\":[0-9.]+", "\"durationMs\":0");
        Assert.Equal(WithoutDuration(RecordedSample.Text(sample)), WithoutDuration(RecordedSample.Canonical(Assert.Single(_publisher.Published).Data)));
    }
}
