namespace EventReactor.Minion.Commands;

/// <summary>A function could not do what was asked; the message becomes the failed return's error.</summary>
internal class FunctionFailedException(string message) : Exception(message);
