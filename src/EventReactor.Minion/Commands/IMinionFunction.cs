namespace EventReactor.Minion.Commands;

/// <summary>A function a minion runs on command, such as <c>container.run</c>.</summary>
internal interface IMinionFunction
{
    string Name { get; }

    Task<FunctionResult> ExecuteAsync(FunctionArguments arguments, CommandContext context, CancellationToken cancellationToken);
}
