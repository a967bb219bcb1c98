using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace EventReactor.Messaging.Tests.Tls;

/// <summary>
/// A loopback TLS endpoint that stands in for a broker's TLS listener (the shared broker's own is not turned on):
/// it answers with the given certificate and says whether the first client went on to send the AMQP protocol header
/// over TLS, which a client does only once it trusts the certificate (.NET checks it after the TLS handshake itself),
/// then hangs up.
/// </summary>
internal sealed class TlsListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly Task _accepting;
    private readonly TaskCompletionSource<bool> _greeted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TlsListener(string certificateFile, string keyFile)
    {
        _certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>True when the first client sent <c>AMQP</c> over TLS, false when it broke off.</summary>
    public Task<bool> Greeted => _greeted.Task;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _accepting;
        _certificate.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            using var client = await _listener.AcceptTcpClientAsync();
            await using var tls = new SslStream(client.GetStream());
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate });
                var header = new byte[4];
                await tls.ReadExactlyAsync(header);
                _greeted.TrySetResult(header.AsSpan().SequenceEqual("AMQP"u8));
            }
            catch (Exception ex) when (ex is System.Security.Authentication.AuthenticationException or IOException)
            {
                _greeted.TrySetResult(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped before any client came.
            _greeted.TrySetResult(false);
        }
    }
}
