namespace EventReactor.Minion.Commands;

/// <summary>The minion's policy forbids the command; the message says which rule.</summary>
internal sealed class PolicyDeniedException(string rule) : FunctionFailedException($"denied by policy: {rule}");
