namespace EventReactor.Messaging;

/// <summary>One broker node of a <see cref="BusAddress"/>: a host and its AMQP port.</summary>
public sealed record BusNode(string Host, ushort Port)
{
    /// <summary><c>host:port</c>, an IPv6 address in brackets (<see cref="Uri.Host"/> keeps them; a bare one gets them).</summary>
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
