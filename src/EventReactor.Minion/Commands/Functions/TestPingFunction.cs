namespace EventReactor.Minion.Commands.Functions;

/// <summary><c>test.ping</c>: answers true, as Salt's does; proves the command path end to end.</summary>
internal sealed class TestPingFunction : IMinionFunction
{
    public string Name => "test.ping";

    public Task<FunctionResult> ExecuteAsync(FunctionArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.EnsureAllRead();
        return Task.FromResult(FunctionResult.Ok(true));
    }
}
