namespace EventReactor.Cli.Client;

internal sealed class ReactorClientException(string message) : Exception(message);
