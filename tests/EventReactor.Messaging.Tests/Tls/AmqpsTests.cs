using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using EventReactor.Tests.Shared;

namespace EventReactor.Messaging.Tests.Tls;

/// <summary><c>amqps://</c> through the same RabbitMQ.Client factory the publisher, the topology and the minion use.</summary>
public sealed class AmqpsTests(ThrowawayCa ca) : IClassFixture<ThrowawayCa>
{
    [Fact]
    public void Parse_Amqps_IsTlsOnPort5671()
    {
        var address = BusAddress.Parse("amqps://reactor:pw@broker.example/prod");

        Assert.Equal((true, (ushort)5671, "prod", "reactor"), (address.Tls, address.Port, address.VirtualHost, address.Username));
        Assert.Equal("amqps://reactor@broker.example:5671/prod", address.ToString());
        Assert.False(BusAddress.Parse("rabbitmq://localhost/").Tls);
    }

    [Fact]
    public async Task Connect_ServerSignedByTheConfiguredCa_SpeaksAmqpOverTls()
    {
        await using var server = new TlsListener(ca.ServerCertificateFile, ca.ServerKeyFile);

        await ConnectAsync(server, new BusTlsOptions { CaFile = ca.CaFile });

        Assert.True(await server.Greeted.WaitAsync(TimeSpan.FromSeconds(20)), "the client broke off with a server its CA signed");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Connect_ServerNotSignedByTheTrustedCa_IsRefused(bool otherCa)
    {
        await using var server = new TlsListener(ca.ServerCertificateFile, ca.ServerKeyFile);

        // Another CA, or (none configured) the system's roots, which do not know the throwaway CA.
        var failure = await ConnectAsync(server, new BusTlsOptions { CaFile = otherCa ? ca.OtherCaFile : null });

        Assert.False(await server.Greeted.WaitAsync(TimeSpan.FromSeconds(20)), "the client spoke AMQP to an untrusted server");
        Assert.Contains(Chain(failure), e => e is System.Security.Authentication.AuthenticationException);
    }

    [Fact]
    public void Validator_TrustedChainWrongName_IsRefused()
    {
        using var server = X509Certificate2.CreateFromPemFile(ca.ServerCertificateFile, ca.ServerKeyFile);
        var validator = CertificateTrust.Validator(ca.CaFile);

        Assert.True(validator(this, server, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validator(this, server, null, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validator(this, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void Validate_TlsFilesMissingOrUnpaired_NameTheKeys()
    {
        var validator = new BusOptionsValidator();

        var missing = validator.Validate(null, new BusOptions { Url = "amqps://localhost/", Tls = new BusTlsOptions { CaFile = "/no/such/ca.pem" } });
        var unpaired = validator.Validate(null, new BusOptions { Url = "amqps://localhost/", Tls = new BusTlsOptions { CertificateFile = ca.ServerCertificateFile } });
        var unused = validator.Validate(null, new BusOptions { Url = "rabbitmq://localhost/", Tls = new BusTlsOptions { CaFile = ca.CaFile } });
        var good = validator.Validate(null, new BusOptions { Url = "amqps://localhost/", Tls = new BusTlsOptions { CaFile = ca.CaFile, CertificateFile = ca.ServerCertificateFile, KeyFile = ca.ServerKeyFile } });

        Assert.StartsWith("Bus:Tls:CaFile '/no/such/ca.pem': ", missing.FailureMessage, StringComparison.Ordinal);
        Assert.Equal("Bus:Tls:CertificateFile and Bus:Tls:KeyFile go together; give both or neither", unpaired.FailureMessage);
        Assert.Equal("Bus:Tls is set but Bus:Url is not amqps://, so it would not be used", unused.FailureMessage);
        Assert.True(good.Succeeded, good.FailureMessage);
    }

    private static async Task<Exception> ConnectAsync(TlsListener server, BusTlsOptions tls)
    {
        var factory = BusAddress.Parse($"amqps://guest:guest@127.0.0.1:{server.Port}/").CreateConnectionFactory("tls-test", tls);

        // The listener is no broker: after the handshake the AMQP greeting fails, so every attempt throws.
        return await Assert.ThrowsAnyAsync<Exception>(() => factory.CreateConnectionAsync());
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
