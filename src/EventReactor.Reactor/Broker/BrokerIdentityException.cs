namespace EventReactor.Reactor.Broker;

/// <summary>The broker's management API could not do what per-minion broker users need; the message says what to fix.</summary>
internal sealed class BrokerIdentityException(string message, Exception? inner = null) : Exception(message, inner);
