namespace EventReactor.Reactor.Actions;

/// <summary>A rendered argument has the wrong type or value; the message names the argument.</summary>
public sealed class ActionArgumentException(string message) : Exception(message);
