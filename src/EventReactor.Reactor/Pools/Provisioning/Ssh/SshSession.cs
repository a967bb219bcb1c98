using System.Net.Sockets;
using System.Text;
using EventReactor.Contracts.Pools;
using EventReactor.Core.Pools;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace EventReactor.Reactor.Pools.Provisioning.Ssh;

/// <summary>
/// One SSH connection to a pool host whose host key must match the pinned fingerprint: there is no trust on first use, an
/// unknown or changed key ends the connection before login. Every failure says the host and the step.
/// </summary>
internal sealed class SshSession : IDisposable
{
    private readonly PoolHost _host;
    private readonly PrivateKeyFile _key;
    private readonly SshClient _shell;
    private SftpClient? _files;
    private string? _refusedKey;

    private SshSession(PoolHost host, PrivateKeyFile key, ConnectionInfo connection)
    {
        _host = host;
        _key = key;
        _shell = new SshClient(connection);
        _shell.HostKeyReceived += Verify;
    }

    public static async Task<SshSession> ConnectAsync(PoolHost host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!File.Exists(host.KeyFile))
        {
            throw new MinionProvisioningException(host.Handle, ProvisioningStep.Auth, $"the private key file {host.KeyFile} does not exist");
        }

        PrivateKeyFile key;
        try
        {
            key = new PrivateKeyFile(host.KeyFile);
        }
        catch (Exception ex) when (ex is SshException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new MinionProvisioningException(host.Handle, ProvisioningStep.Auth, $"cannot read the private key {host.KeyFile}: {ex.Message}", ex);
        }

        var connection = new ConnectionInfo(host.Address, host.Port, host.User, new PrivateKeyAuthenticationMethod(host.User, key)) { Timeout = timeout };
        var session = new SshSession(host, key, connection);
        try
        {
            await session.ConnectAsync(session._shell, cancellationToken);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs a command (through <c>sudo -n sh -c</c> when the host says so); a non-zero exit fails the step with its output.</summary>
    public async Task<string> RunAsync(string script, ProvisioningStep step, CancellationToken cancellationToken)
    {
        var command = _host.Sudo ? $"sudo -n sh -c {SshShell.Quote(script)}" : script;
        using var run = _shell.CreateCommand(command);
        try
        {
            await run.ExecuteAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is SshException or SocketException or IOException)
        {
            throw new MinionProvisioningException(_host.Handle, step, ex.Message, ex);
        }

        if (run.ExitStatus != 0)
        {
            var output = (run.Error + run.Result).Trim();
            throw new MinionProvisioningException(_host.Handle, step, $"exit {run.ExitStatus}: {(output.Length > 400 ? output[..400] : output)}");
        }

        return run.Result;
    }

    /// <summary>Copies a local file to a remote path over SFTP.</summary>
    public async Task UploadAsync(string localPath, string remotePath, CancellationToken cancellationToken)
    {
        try
        {
            if (_files is null)
            {
                var files = new SftpClient(_shell.ConnectionInfo);
                files.HostKeyReceived += Verify;
                await ConnectAsync(files, cancellationToken);
                _files = files;
            }

            await using var source = File.OpenRead(localPath);
            await _files.UploadFileAsync(source, remotePath, cancellationToken);
        }
        catch (MinionProvisioningException)
        {
            throw;
        }
        catch (Exception ex) when (ex is SshException or SocketException or IOException)
        {
            throw new MinionProvisioningException(_host.Handle, ProvisioningStep.Upload, $"copying {Path.GetFileName(localPath)} to {remotePath}: {ex.Message}", ex);
        }
    }

    /// <summary>Writes text to a remote file (mode 0600) through the shell, so that it works with sudo too.</summary>
    public Task WriteAsync(string remotePath, string text, ProvisioningStep step, CancellationToken cancellationToken)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        return RunAsync($"umask 077 && printf %s {encoded} | base64 -d > {SshShell.Quote(remotePath)}", step, cancellationToken);
    }

    public void Dispose()
    {
        _files?.Dispose();
        _shell.Dispose();
        _key.Dispose();
    }

    private async Task ConnectAsync(BaseClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (_refusedKey is not null && ex is SshException)
        {
            throw new MinionProvisioningException(_host.Handle, ProvisioningStep.HostKey, $"the host key is {_refusedKey}, not the pinned {_host.HostKey}; refused (if the host was re-installed, pin its new key in the pools file)", ex);
        }
        catch (SshAuthenticationException ex)
        {
            throw new MinionProvisioningException(_host.Handle, ProvisioningStep.Auth, $"user {_host.User} with key {_host.KeyFile}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is SshException or SocketException or IOException or TimeoutException)
        {
            throw new MinionProvisioningException(_host.Handle, ProvisioningStep.Connect, ex.Message, ex);
        }
    }

    private void Verify(object? sender, HostKeyEventArgs e)
    {
        var presented = "SHA256:" + e.FingerPrintSHA256.TrimEnd('=');
        e.CanTrust = string.Equals(presented, _host.HostKey, StringComparison.Ordinal);
        if (!e.CanTrust)
        {
            _refusedKey = $"{e.HostKeyName} {presented}";
        }
    }
}
