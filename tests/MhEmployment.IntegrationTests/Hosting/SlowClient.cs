using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace MhEmployment.IntegrationTests.Hosting;

/// <summary>
/// A raw TCP client that sends a request slowly, as a slowloris or a stalled upload does, and notes when the server
/// closes its connection and what, if anything, the server answered before it did.
/// </summary>
public sealed class SlowClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly StringBuilder _answer = new();
    private readonly Task<TimeSpan> _closed;

    private SlowClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _closed = ReadUntilClosedAsync();
    }

    public static async Task<SlowClient> ConnectAsync(Uri address)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(address.Host, address.Port);
        return new SlowClient(tcp);
    }

    /// <summary>What the server sent before it closed the connection (a reset may lose it).</summary>
    public string Answer
    {
        get
        {
            lock (_answer)
            {
                return _answer.ToString();
            }
        }
    }

    public bool IsClosed => _closed.IsCompleted;

    public async Task SendAsync(string text) => await _stream.WriteAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>
    /// Sends the next piece every <paramref name="interval"/> until the server closes the connection or
    /// <paramref name="bound"/> (from connecting) has passed; returns when it closed, from connecting, or null if it did not.
    /// </summary>
    public async Task<TimeSpan?> DribbleUntilClosedAsync(Func<string> next, TimeSpan interval, TimeSpan bound)
    {
        while (!_closed.IsCompleted && _watch.Elapsed < bound)
        {
            try
            {
                await SendAsync(next());
            }
            catch (IOException)
            {
                break; // the server has closed (or reset) the connection
            }
            await Task.WhenAny(_closed, Task.Delay(interval));
        }
        var remaining = bound - _watch.Elapsed;
        return await Task.WhenAny(_closed, Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero)) == _closed
            ? await _closed
            : null;
    }

    private async Task<TimeSpan> ReadUntilClosedAsync()
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer)) > 0)
            {
                lock (_answer)
                {
                    _answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // A reset closes it too.
        }
        return _watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        await _closed;
    }
}
