// loadgen: a one-thread, epoll-driven WebSocket load generator for chat hubs.
//
// Plain C++20 and Linux system calls, no Qt: it has to be much cheaper per delivery than the hubs
// it measures. It opens N WebSocket clients to a hub, lets S of them send chat messages (at a fixed
// total rate, or as fast as the hub delivers with a bounded window in flight) and reports
// connections, deliveries expected vs received, deliveries/s, latency from send to every receiver,
// and the hub's RSS from /proc/PID/status. See bench/README.md.

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cinttypes>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view ChatMarker = "LCB:"; // starts every benchmark chat text
constexpr size_t MarkerLength = 44; // "LCB:" ts(16) ":" gid(8) ":" sender(4) ":" sseq(8) ":"
constexpr size_t ReadChunk = 256 * 1024;
constexpr size_t MaxFrame = 16 * 1024 * 1024;

int64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double seconds(int64_t ns)
{
    return double(ns) / 1e9;
}

enum class Protocol { Lanchat, Raw };
enum class Scenario { Load, Idle, Slow, Soak };
enum class JoinPolicy { None, Senders, All };

struct Options
{
    std::string label;
    std::string host = "127.0.0.1";
    int port = 0;
    std::string path = "/ws";
    int clients = 100;
    int senders = 10;
    double rate = 0; // total messages per second; 0: window mode
    int window = 0; // messages in flight (window mode)
    int size = 128; // chat text bytes
    double duration = 10; // seconds of sending (or holding, for --idle)
    long count = 0; // at most this many messages (0: no bound but the duration)
    double drain = 5; // seconds to wait for outstanding deliveries after sending stops
    double connectTimeout = 30;
    int connectConcurrency = 1000; // connection attempts in flight at once
    Protocol protocol = Protocol::Lanchat;
    JoinPolicy join = JoinPolicy::Senders;
    Scenario scenario = Scenario::Load;
    double slowTarget = 800 * 1024; // bytes/s each receiver gets in the slow-client scenario
    int churn = 200; // soak: clients that connect, join, chat and leave in a loop
    double churnPause = 1; // soak: seconds a churner waits before its next round
    double sampleEvery = 5; // soak: seconds between samples of the hub's RSS and descriptors
    int hubPid = 0;
    bool quiet = false;
    bool check = false; // exit 1 unless every client connected and nothing was lost
    bool busyPoll = false; // never sleep in epoll_wait (receivers that never need waking up)
};

void usage(FILE *out)
{
    std::fputs(
            "usage: loadgen --port P [options]\n"
            "  --host H            hub address (127.0.0.1)\n"
            "  --port P            hub port (required)\n"
            "  --path /ws          WebSocket path\n"
            "  --clients N         WebSocket clients (100)\n"
            "  --senders S         clients that send (10)\n"
            "  --rate R            total chat messages per second over all senders\n"
            "  --window W          instead of --rate: as fast as delivered, W messages in flight\n"
            "  --size B            chat text bytes per message (128)\n"
            "  --duration SEC      seconds of sending; --idle: seconds of holding (10)\n"
            "  --count M           stop sending after M messages\n"
            "  --drain SEC         wait this long for outstanding deliveries (5)\n"
            "  --connect-timeout SEC     give up connecting after SEC (30)\n"
            "  --connect-concurrency C   connection attempts in flight (1000)\n"
            "  --protocol lanchat|raw    lanchat: protocol v1 JSON; raw: frames relayed as-is\n"
            "  --join none|senders|all   lanchat: which clients send a join first (senders);\n"
            "                            the others are lurkers, which receive chat too\n"
            "  --idle              open N clients, hold them, report the hub's RSS per connection\n"
            "  --slow-client       one extra client stops reading while N others receive\n"
            "                      --slow-rate bytes/s each (819200)\n"
            "  --soak              for --duration: --churn C of the N clients connect, join, chat\n"
            "                      and leave in a loop (pausing --churn-pause SEC, 1) while the\n"
            "                      senders send at --rate; samples the hub's RSS and open\n"
            "                      descriptors every --sample SEC (5) and says whether they "
            "plateau\n"
            "  --hub-pid PID       read the hub's VmRSS from /proc/PID/status\n"
            "  --label NAME        name of this run in the output\n"
            "  --quiet             only the JSON line\n"
            "  --check             exit 1 unless every client connected, deliveries happened and\n"
            "                      none was lost or duplicated (for the smoke test)\n"
            "  --busy-poll         spin in epoll_wait instead of sleeping: the hub's sends then\n"
            "                      never have to wake a sleeping receiver (for comparisons)\n",
            out);
}

bool parseOptions(int argc, char **argv, Options *o)
{
    auto need = [&](int &i) -> const char * {
        if (i + 1 >= argc) {
            std::fprintf(stderr, "loadgen: %s needs a value\n", argv[i]);
            return nullptr;
        }
        return argv[++i];
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const char *v = nullptr;
        if (a == "--help" || a == "-h") {
            usage(stdout);
            std::exit(0);
        } else if (a == "--idle") {
            o->scenario = Scenario::Idle;
        } else if (a == "--soak") {
            o->scenario = Scenario::Soak;
        } else if (a == "--slow-client") {
            o->scenario = Scenario::Slow;
        } else if (a == "--quiet") {
            o->quiet = true;
        } else if (a == "--check") {
            o->check = true;
        } else if (a == "--busy-poll") {
            o->busyPoll = true;
        } else if (!(v = need(i))) {
            return false;
        } else if (a == "--churn") {
            o->churn = std::atoi(v);
        } else if (a == "--churn-pause") {
            o->churnPause = std::atof(v);
        } else if (a == "--sample") {
            o->sampleEvery = std::atof(v);
        } else if (a == "--host") {
            o->host = v;
        } else if (a == "--port") {
            o->port = std::atoi(v);
        } else if (a == "--path") {
            o->path = v;
        } else if (a == "--clients") {
            o->clients = std::atoi(v);
        } else if (a == "--senders") {
            o->senders = std::atoi(v);
        } else if (a == "--rate") {
            o->rate = std::atof(v);
        } else if (a == "--window") {
            o->window = std::atoi(v);
        } else if (a == "--size") {
            o->size = std::atoi(v);
        } else if (a == "--duration") {
            o->duration = std::atof(v);
        } else if (a == "--count") {
            o->count = std::atol(v);
        } else if (a == "--drain") {
            o->drain = std::atof(v);
        } else if (a == "--connect-timeout") {
            o->connectTimeout = std::atof(v);
        } else if (a == "--connect-concurrency") {
            o->connectConcurrency = std::atoi(v);
        } else if (a == "--slow-rate") {
            o->slowTarget = std::atof(v);
        } else if (a == "--hub-pid") {
            o->hubPid = std::atoi(v);
        } else if (a == "--label") {
            o->label = v;
        } else if (a == "--protocol") {
            if (std::string_view(v) == "lanchat")
                o->protocol = Protocol::Lanchat;
            else if (std::string_view(v) == "raw")
                o->protocol = Protocol::Raw;
            else
                return false;
        } else if (a == "--join") {
            if (std::string_view(v) == "none")
                o->join = JoinPolicy::None;
            else if (std::string_view(v) == "senders")
                o->join = JoinPolicy::Senders;
            else if (std::string_view(v) == "all")
                o->join = JoinPolicy::All;
            else
                return false;
        } else {
            std::fprintf(stderr, "loadgen: unknown option %s\n", argv[i]);
            return false;
        }
    }
    if (o->port <= 0 || o->port > 65535 || o->clients < 1 || o->senders < 0 || o->size < 48
        || o->size > 60000 || o->duration <= 0 || o->duration > 3600 || o->drain < 0
        || o->drain > 600 || o->connectConcurrency < 1) {
        std::fputs("loadgen: bad or missing option values (see --help)\n", stderr);
        return false;
    }
    if (o->scenario == Scenario::Idle)
        o->senders = 0;
    if (o->scenario != Scenario::Soak)
        o->churn = 0;
    if (o->churn < 0 || o->churn >= o->clients || o->churnPause < 0 || o->churnPause > 600
        || o->sampleEvery < 0.1) {
        std::fputs("loadgen: bad --churn, --churn-pause or --sample\n", stderr);
        return false;
    }
    o->senders = std::min(o->senders, o->clients - o->churn);
    if (o->scenario != Scenario::Idle && o->senders > 0 && o->rate <= 0 && o->window <= 0) {
        if (o->scenario == Scenario::Slow) {
            o->rate = -1; // computed from --slow-rate once the frame size is known
        } else {
            std::fputs("loadgen: give --rate or --window\n", stderr);
            return false;
        }
    }
    if (o->label.empty())
        o->label = o->scenario == Scenario::Idle ? "idle"
                : o->scenario == Scenario::Slow  ? "slow-client"
                : o->scenario == Scenario::Soak  ? "soak"
                                                 : "load";
    return true;
}

// Log-linear histogram of microseconds, 1/128 relative precision.
class Histogram
{
public:
    void record(uint64_t v)
    {
        ++m_buckets[bucketOf(v)];
        ++m_count;
        m_max = std::max(m_max, v);
    }
    uint64_t count() const { return m_count; }
    uint64_t max() const { return m_max; }
    uint64_t percentile(double p) const
    {
        if (m_count == 0)
            return 0;
        const uint64_t rank = std::max<uint64_t>(1, uint64_t(p * double(m_count) + 0.999999));
        uint64_t seen = 0;
        for (size_t b = 0; b < m_buckets.size(); ++b) {
            seen += m_buckets[b];
            if (seen >= rank)
                return std::min(upperOf(b), m_max);
        }
        return m_max;
    }

private:
    static size_t bucketOf(uint64_t v)
    {
        if (v < 256)
            return size_t(v);
        const int msb = 63 - __builtin_clzll(v);
        const int shift = msb - 7;
        return size_t(shift + 1) * 128 + size_t((v >> shift) & 127);
    }
    static uint64_t upperOf(size_t b)
    {
        if (b < 256)
            return b;
        const size_t shift = b / 128 - 1;
        return ((128 + uint64_t(b % 128)) << shift) + ((uint64_t(1) << shift) - 1);
    }
    std::array<uint64_t, 64 * 128> m_buckets{};
    uint64_t m_count = 0;
    uint64_t m_max = 0;
};

long readRssKib(int pid, const char *field = "VmRSS:")
{
    if (pid <= 0)
        return -1;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = std::fopen(path, "r");
    if (!f)
        return -1;
    char line[256];
    long kib = -1;
    const size_t fieldLength = std::strlen(field);
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, field, fieldLength) == 0) {
            kib = std::atol(line + fieldLength);
            break;
        }
    }
    std::fclose(f);
    return kib;
}

// CPU seconds used so far: by a process (/proc/PID/stat), by this process, by the whole machine.
struct CpuSample
{
    int64_t wallNs = 0;
    double hub = -1;
    double self = 0;
    double machineBusy = -1;
};

CpuSample sampleCpu(int hubPid)
{
    CpuSample c;
    c.wallNs = nowNs();
    const double tick = double(sysconf(_SC_CLK_TCK));
    if (hubPid > 0) {
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%d/stat", hubPid);
        if (FILE *f = std::fopen(path, "r")) {
            char line[1024];
            if (std::fgets(line, sizeof line, f)) {
                // Fields after the command's closing parenthesis: state is field 3, utime 14.
                if (const char *p = std::strrchr(line, ')')) {
                    unsigned long long utime = 0, stime = 0;
                    if (std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
                                    &utime, &stime)
                        == 2)
                        c.hub = double(utime + stime) / tick;
                }
            }
            std::fclose(f);
        }
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    c.self = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
            + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    if (FILE *f = std::fopen("/proc/stat", "r")) {
        unsigned long long v[8] = {};
        if (std::fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2],
                        &v[3], &v[4], &v[5], &v[6], &v[7])
            == 8)
            c.machineBusy = double(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / tick;
        std::fclose(f);
    }
    return c;
}

enum class State { Idle, Connecting, Handshake, Open, Closed, Failed };

struct Conn
{
    int fd = -1;
    State state = State::Idle;
    bool sender = false;
    bool joiner = false;
    bool churner = false; // soak: connects, joins, chats and leaves in a loop
    int64_t restartNs = 0; // churner: when to connect again (0: not closed yet)
    bool joinSent = false;
    bool welcomed = false;
    bool counting = true; // its deliveries count (false for the slow client)
    bool reading = true; // false: the slow client, which has stopped reading
    bool writeArmed = false; // EPOLLOUT registered
    bool closeSent = false;
    bool counted = false; // included in m_receivers
    int closeCode = -1; // close code the hub sent, 1005 when none given
    int httpStatus = 0;
    int senderIndex = -1;
    uint32_t sendSeq = 0;
    uint8_t fragOpcode = 0;
    int64_t connectStartNs = 0;
    std::string in; // unparsed bytes
    std::string out; // unsent bytes
    size_t outOffset = 0;
    std::string fragment; // a fragmented message being assembled
    uint64_t bytesIn = 0;
    uint64_t chatIn = 0;
};

struct MessageRecord
{
    int64_t sentNs = 0;
    uint32_t expected = 0;
    uint32_t got = 0;
};

uint64_t parseHex(const char *p, int n)
{
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) {
        const char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= uint64_t(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= uint64_t(c - 'a' + 10);
        else
            return UINT64_MAX;
    }
    return v;
}

bool contains(std::string_view hay, std::string_view needle)
{
    return memmem(hay.data(), hay.size(), needle.data(), needle.size()) != nullptr;
}

class LoadGen
{
public:
    explicit LoadGen(const Options &options)
        : o(options)
    { }
    ~LoadGen();
    int run();

private:
    // connections
    bool startConnect(size_t i);
    void onEvent(size_t i, uint32_t events);
    void onWritable(Conn &c, size_t i);
    void onReadable(Conn &c, size_t i);
    void consume(Conn &c, size_t i, const char *data, size_t n);
    size_t parseFrames(Conn &c, size_t i, const char *data, size_t n);
    void onMessage(Conn &c, size_t i, uint8_t opcode, std::string_view payload);
    void onChat(Conn &c, size_t i, std::string_view payload);
    void sendFrame(Conn &c, size_t i, uint8_t opcode, std::string_view payload);
    void flush(Conn &c, size_t i);
    void armWrite(Conn &c, size_t i, bool on);
    void fail(Conn &c, size_t i, const char *why);
    void finish(Conn &c, size_t i, State state);

    // phases
    void pollOnce(int64_t untilNs);
    bool connectAll();
    bool joinAll();
    void sendChat(int senderIndex, int64_t scheduledNs);
    void loadPhase();
    void idlePhase();
    void soakPhase();
    void churnStep(size_t i, int64_t now);
    void soakReport(const std::vector<std::array<long, 3>> &samples) const;
    void closeAll();
    void sampleRss(int64_t t0);
    void report();

    std::string chatFrameText(size_t senderConn, uint32_t gid, uint32_t sseq, int64_t ts) const;
    uint32_t countingReceivers() const;
    void uncount(Conn &c);

    const Options &o;
    int m_epoll = -1;
    std::vector<Conn> m_conns;
    std::vector<size_t> m_senderConns; // index into m_conns per sender
    std::vector<uint32_t> m_lastSeq; // [conn * senders + sender] = last sender seq + 1
    std::vector<MessageRecord> m_messages;
    Histogram m_latency;
    std::vector<char> m_readBuffer = std::vector<char>(ReadChunk);
    std::string m_scratch;
    uint32_t m_mask = 0x9e3779b9;

    size_t m_connecting = 0; // attempts in flight
    size_t m_nextToConnect = 0;
    size_t m_open = 0;
    size_t m_connected = 0; // open once connecting ended
    uint32_t m_receivers = 0; // open clients whose deliveries count
    size_t m_failed = 0;
    size_t m_closedByHub = 0;
    int64_t m_connectStart = 0;
    int64_t m_connectEnd = 0;
    int64_t m_joinEnd = 0;
    int64_t m_joinStart = 0;
    int64_t m_now = 0;

    int64_t m_sendStart = 0;
    int64_t m_sendEnd = 0;
    int64_t m_lastDelivery = 0;
    int64_t m_maxLagNs = 0;
    uint64_t m_expected = 0;
    uint64_t m_received = 0;
    uint64_t m_duplicates = 0;
    uint64_t m_reordered = 0;
    uint64_t m_bad = 0;
    uint64_t m_errors = 0;
    uint64_t m_otherFrames = 0;
    std::string m_firstError;
    std::vector<std::string> m_statusSeen;
    long m_inFlight = 0;
    double m_rate = 0;

    CpuSample m_cpuStart;
    CpuSample m_cpuEnd;
    double m_connectHubCpu = -1; // hub CPU seconds spent while the clients connected

    long m_rssBefore = -1;
    long m_rssConnected = -1;
    long m_rssAfter = -1;
    long m_rssPeak = -1;
    std::vector<std::pair<double, long>> m_rssSeries;

    // slow-client scenario
    size_t m_slow = SIZE_MAX;
    int64_t m_slowWakeNs = 0;
    uint64_t m_slowBytesAfterWake = 0;
    bool m_slowEof = false;
    bool m_slowReset = false;
    bool m_interrupted = false;

    // soak scenario
    uint64_t m_churnRounds = 0; // welcomes a churner got
    uint64_t m_churnStuck = 0; // rounds given up after 30 s
    size_t m_failedBeforeSoak = 0;
};

volatile std::sig_atomic_t g_stop = 0;

LoadGen::~LoadGen()
{
    for (Conn &c : m_conns) {
        if (c.fd >= 0)
            ::close(c.fd);
    }
    if (m_epoll >= 0)
        ::close(m_epoll);
}

uint32_t LoadGen::countingReceivers() const
{
    return m_receivers;
}

void LoadGen::uncount(Conn &c)
{
    if (c.counted) {
        c.counted = false;
        --m_receivers;
    }
}

bool LoadGen::startConnect(size_t i)
{
    Conn &c = m_conns[i];
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(o.port));
    if (inet_pton(AF_INET, o.host.c_str(), &addr.sin_addr) != 1) {
        std::fprintf(stderr, "loadgen: --host must be an IPv4 address\n");
        return false;
    }
    c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        fail(c, i, "socket");
        return true;
    }
    const int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    c.connectStartNs = nowNs();
    c.state = State::Connecting;
    ++m_connecting;
    epoll_event ev{};
    ev.events = EPOLLOUT;
    ev.data.u64 = i;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
    c.writeArmed = true;
    if (::connect(c.fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0
        && errno != EINPROGRESS)
        fail(c, i, "connect");
    return true;
}

void LoadGen::armWrite(Conn &c, size_t i, bool on)
{
    if (c.writeArmed == on || c.fd < 0)
        return;
    epoll_event ev{};
    ev.events = (c.reading ? uint32_t(EPOLLIN) : 0u) | (on ? uint32_t(EPOLLOUT) : 0u);
    ev.data.u64 = i;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
    c.writeArmed = on;
}

void LoadGen::fail(Conn &c, size_t i, const char *why)
{
    if (c.state == State::Connecting || c.state == State::Handshake) {
        if (!o.quiet && m_failed < 5)
            std::fprintf(stderr, "loadgen: client %zu: %s: %s\n", i, why,
                         c.httpStatus ? "HTTP status" : std::strerror(errno));
        ++m_failed;
    }
    finish(c, i, State::Failed);
}

void LoadGen::finish(Conn &c, size_t i, State state)
{
    (void)i;
    uncount(c);
    if (c.state == State::Connecting || c.state == State::Handshake)
        --m_connecting;
    if (c.state == State::Open) {
        --m_open;
        if (!c.closeSent && c.counting)
            ++m_closedByHub;
    }
    c.state = state;
    if (c.fd >= 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        ::close(c.fd);
        c.fd = -1;
    }
    c.in.clear();
    c.in.shrink_to_fit();
    c.out.clear();
    c.out.shrink_to_fit();
}

void LoadGen::onEvent(size_t i, uint32_t events)
{
    Conn &c = m_conns[i];
    if (c.fd < 0)
        return;
    if (c.state == State::Connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0 || (events & (EPOLLERR | EPOLLHUP))) {
            errno = err ? err : ECONNREFUSED;
            fail(c, i, "connect");
            return;
        }
        c.state = State::Handshake;
        char request[512];
        const int n = std::snprintf(request, sizeof request,
                                    "GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\n"
                                    "Connection: Upgrade\r\n"
                                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                    "Sec-WebSocket-Version: 13\r\n\r\n",
                                    o.path.c_str(), o.host.c_str(), o.port);
        c.out.assign(request, size_t(n));
        c.outOffset = 0;
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = i;
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
        c.writeArmed = false;
        flush(c, i);
        return;
    }
    if (events & EPOLLOUT)
        onWritable(c, i);
    if (c.fd >= 0 && (events & (EPOLLIN | EPOLLERR | EPOLLHUP))) {
        if (c.reading) {
            onReadable(c, i);
        } else if (events & (EPOLLERR | EPOLLHUP)) {
            // The slow client is not reading; the hub reset or fully closed the connection.
            if (events & EPOLLERR)
                m_slowReset = true;
            // Leave it for the wake-up read to collect what remains.
            epoll_event ev{};
            ev.events = 0;
            ev.data.u64 = i;
            epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
        }
    }
}

void LoadGen::onWritable(Conn &c, size_t i)
{
    flush(c, i);
}

void LoadGen::flush(Conn &c, size_t i)
{
    while (c.outOffset < c.out.size()) {
        const ssize_t n = ::send(c.fd, c.out.data() + c.outOffset, c.out.size() - c.outOffset,
                                 MSG_NOSIGNAL);
        if (n > 0) {
            c.outOffset += size_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            armWrite(c, i, true);
            return;
        }
        fail(c, i, "send");
        return;
    }
    c.out.clear();
    c.outOffset = 0;
    armWrite(c, i, false);
}

void LoadGen::onReadable(Conn &c, size_t i)
{
    const ssize_t n = ::recv(c.fd, m_readBuffer.data(), m_readBuffer.size(), 0);
    if (n > 0) {
        m_now = nowNs();
        c.bytesIn += uint64_t(n);
        if (i == m_slow)
            m_slowBytesAfterWake += uint64_t(n);
        consume(c, i, m_readBuffer.data(), size_t(n));
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (i == m_slow) {
        if (n == 0)
            m_slowEof = true;
        else
            m_slowReset = true;
    }
    if (c.state == State::Handshake) {
        fail(c, i, n == 0 ? "closed during handshake" : "recv");
        return;
    }
    finish(c, i, State::Closed);
}

void LoadGen::consume(Conn &c, size_t i, const char *data, size_t n)
{
    if (c.state == State::Handshake) {
        c.in.append(data, n);
        const size_t end = c.in.find("\r\n\r\n");
        if (end == std::string::npos) {
            if (c.in.size() > 16384)
                fail(c, i, "handshake too long");
            return;
        }
        int status = 0;
        if (c.in.compare(0, 9, "HTTP/1.1 ") == 0)
            status = std::atoi(c.in.c_str() + 9);
        c.httpStatus = status;
        if (status != 101) {
            std::string line = c.in.substr(0, c.in.find("\r\n"));
            if (m_statusSeen.size() < 4
                && std::find(m_statusSeen.begin(), m_statusSeen.end(), line) == m_statusSeen.end())
                m_statusSeen.push_back(line);
            errno = 0;
            fail(c, i, "handshake refused");
            return;
        }
        c.in.erase(0, end + 4);
        c.state = State::Open;
        --m_connecting;
        ++m_open;
        if (c.counting) {
            c.counted = true;
            ++m_receivers;
        }
        if (m_open + m_failed == size_t(o.clients) + (m_slow != SIZE_MAX ? 1 : 0))
            m_connectEnd = m_now ? m_now : nowNs();
        if (!c.in.empty()) {
            std::string rest;
            rest.swap(c.in);
            const size_t used = parseFrames(c, i, rest.data(), rest.size());
            if (c.fd >= 0)
                c.in.assign(rest, used);
        }
        return;
    }
    if (c.in.empty()) {
        const size_t used = parseFrames(c, i, data, n);
        if (c.fd >= 0 && used < n)
            c.in.assign(data + used, n - used);
        return;
    }
    c.in.append(data, n);
    std::string buffer;
    buffer.swap(c.in);
    const size_t used = parseFrames(c, i, buffer.data(), buffer.size());
    if (c.fd >= 0 && used < buffer.size()) {
        c.in.assign(buffer, used);
    }
}

size_t LoadGen::parseFrames(Conn &c, size_t i, const char *data, size_t n)
{
    size_t pos = 0;
    while (c.fd >= 0 && n - pos >= 2) {
        const auto *p = reinterpret_cast<const uint8_t *>(data + pos);
        const bool fin = p[0] & 0x80;
        const uint8_t opcode = p[0] & 0x0f;
        const bool masked = p[1] & 0x80;
        uint64_t length = p[1] & 0x7f;
        size_t header = 2;
        if (length == 126) {
            if (n - pos < 4)
                break;
            length = (uint64_t(p[2]) << 8) | p[3];
            header = 4;
        } else if (length == 127) {
            if (n - pos < 10)
                break;
            length = 0;
            for (int k = 0; k < 8; ++k)
                length = (length << 8) | p[2 + k];
            header = 10;
        }
        if (length > MaxFrame) {
            fail(c, i, "frame too large");
            return n;
        }
        const size_t maskAt = header;
        if (masked)
            header += 4;
        if (n - pos < header + length)
            break;
        std::string_view payload(data + pos + header, size_t(length));
        if (masked) {
            m_scratch.assign(payload);
            for (size_t k = 0; k < m_scratch.size(); ++k)
                m_scratch[k] = char(m_scratch[k] ^ p[maskAt + (k & 3)]);
            payload = m_scratch;
        }
        pos += header + size_t(length);
        if (opcode == 0x0) {
            c.fragment.append(payload);
            if (fin) {
                std::string whole;
                whole.swap(c.fragment);
                onMessage(c, i, c.fragOpcode, whole);
            }
        } else if (opcode == 0x1 || opcode == 0x2) {
            if (fin) {
                onMessage(c, i, opcode, payload);
            } else {
                c.fragOpcode = opcode;
                c.fragment.assign(payload);
            }
        } else if (opcode == 0x8) {
            c.closeCode = payload.size() >= 2
                    ? (int(uint8_t(payload[0])) << 8) | int(uint8_t(payload[1]))
                    : 1005;
            uncount(c);
            if (!c.closeSent) {
                const std::string echo(payload.substr(0, std::min<size_t>(payload.size(), 2)));
                sendFrame(c, i, 0x8, echo);
                c.closeSent = true;
                if (c.state == State::Open && c.counting)
                    ++m_closedByHub;
            }
        } else if (opcode == 0x9) {
            const std::string copy(payload);
            sendFrame(c, i, 0xA, copy);
        }
    }
    return pos;
}

void LoadGen::onMessage(Conn &c, size_t i, uint8_t opcode, std::string_view payload)
{
    if (opcode != 0x1) {
        ++m_otherFrames;
        return;
    }
    if (c.joinSent && !c.welcomed) {
        if (contains(payload, "\"type\":\"welcome\"")) {
            c.welcomed = true;
            if (c.churner) {
                // One round: say something, then leave with a close handshake.
                ++m_churnRounds;
                sendFrame(c, i, 0x1, "{\"type\":\"chat\",\"text\":\"churn\"}");
                c.closeSent = true;
                sendFrame(c, i, 0x8, std::string_view("\x03\xe8", 2));
            }
            return;
        }
    }
    if (contains(payload, ChatMarker)) {
        onChat(c, i, payload);
        return;
    }
    ++m_otherFrames;
    if (contains(payload, "\"type\":\"error\"")) {
        ++m_errors;
        if (m_firstError.empty())
            m_firstError.assign(payload.substr(0, 200));
    }
}

void LoadGen::onChat(Conn &c, size_t i, std::string_view payload)
{
    const char *m = static_cast<const char *>(
            memmem(payload.data(), payload.size(), ChatMarker.data(), ChatMarker.size()));
    if (!m || size_t(payload.data() + payload.size() - m) < MarkerLength) {
        ++m_bad;
        return;
    }
    const uint64_t ts = parseHex(m + 4, 16);
    const uint64_t gid = parseHex(m + 21, 8);
    const uint64_t sender = parseHex(m + 30, 4);
    const uint64_t sseq = parseHex(m + 35, 8);
    if (ts == UINT64_MAX || gid >= m_messages.size() || sender >= m_senderConns.size()
        || sseq == UINT64_MAX) {
        ++m_bad;
        return;
    }
    if (!c.counting)
        return;
    ++c.chatIn;
    MessageRecord &rec = m_messages[gid];
    if (++rec.got > rec.expected) {
        ++m_duplicates;
        return;
    }
    ++m_received;
    m_lastDelivery = m_now;
    const int64_t latency = m_now - int64_t(ts);
    m_latency.record(latency > 0 ? uint64_t(latency) / 1000 : 0);
    uint32_t &last = m_lastSeq[i * m_senderConns.size() + sender];
    if (uint32_t(sseq) + 1 <= last)
        ++m_reordered;
    else
        last = uint32_t(sseq) + 1;
    if (rec.got == rec.expected && o.window > 0)
        --m_inFlight;
}

void LoadGen::sendFrame(Conn &c, size_t i, uint8_t opcode, std::string_view payload)
{
    if (c.fd < 0)
        return;
    const bool wasEmpty = c.out.size() == c.outOffset;
    uint8_t header[14];
    size_t h = 0;
    header[h++] = uint8_t(0x80 | opcode);
    if (payload.size() < 126) {
        header[h++] = uint8_t(0x80 | payload.size());
    } else if (payload.size() < 65536) {
        header[h++] = 0x80 | 126;
        header[h++] = uint8_t(payload.size() >> 8);
        header[h++] = uint8_t(payload.size());
    } else {
        header[h++] = 0x80 | 127;
        for (int k = 7; k >= 0; --k)
            header[h++] = uint8_t(uint64_t(payload.size()) >> (8 * k));
    }
    m_mask = m_mask * 1664525u + 1013904223u;
    uint8_t mask[4];
    std::memcpy(mask, &m_mask, 4);
    std::memcpy(header + h, mask, 4);
    h += 4;
    c.out.append(reinterpret_cast<const char *>(header), h);
    const size_t at = c.out.size();
    c.out.append(payload);
    for (size_t k = 0; k < payload.size(); ++k)
        c.out[at + k] = char(c.out[at + k] ^ mask[k & 3]);
    if (wasEmpty)
        flush(c, i);
}

std::string LoadGen::chatFrameText(size_t senderIndex, uint32_t gid, uint32_t sseq,
                                   int64_t ts) const
{
    char marker[64];
    std::snprintf(marker, sizeof marker, "LCB:%016" PRIx64 ":%08" PRIx32 ":%04zx:%08" PRIx32 ":",
                  uint64_t(ts), gid, senderIndex, sseq);
    std::string text(marker, MarkerLength);
    text.resize(size_t(o.size), 'x');
    return "{\"type\":\"chat\",\"text\":\"" + text + "\"}";
}

void LoadGen::sendChat(int senderIndex, int64_t scheduledNs)
{
    Conn &c = m_conns[m_senderConns[size_t(senderIndex)]];
    const uint32_t gid = uint32_t(m_messages.size());
    const int64_t ts = nowNs();
    m_maxLagNs = std::max(m_maxLagNs, ts - scheduledNs);
    MessageRecord rec;
    rec.sentNs = ts;
    rec.expected = countingReceivers();
    m_messages.push_back(rec);
    m_expected += rec.expected;
    if (o.window > 0)
        ++m_inFlight;
    sendFrame(c, m_senderConns[size_t(senderIndex)], 0x1,
              chatFrameText(size_t(senderIndex), gid, c.sendSeq++, ts));
}

void LoadGen::pollOnce(int64_t untilNs)
{
    epoll_event events[512];
    const int64_t now = nowNs();
    int64_t waitNs = o.busyPoll ? 0 : std::max<int64_t>(0, untilNs - now);
    waitNs = std::min<int64_t>(waitNs, 100'000'000);
    timespec timeout{};
    timeout.tv_sec = waitNs / 1000000000;
    timeout.tv_nsec = waitNs % 1000000000;
    const int n = epoll_pwait2(m_epoll, events, 512, &timeout, nullptr);
    m_now = nowNs();
    for (int k = 0; k < n; ++k)
        onEvent(size_t(events[k].data.u64), events[k].events);
    if (g_stop && !m_interrupted) {
        m_interrupted = true;
        std::fputs("loadgen: interrupted\n", stderr);
    }
}

bool LoadGen::connectAll()
{
    const size_t total = m_conns.size();
    m_connectStart = nowNs();
    const int64_t deadline = m_connectStart + int64_t(o.connectTimeout * 1e9);
    while (m_open + m_failed < total && nowNs() < deadline && !g_stop) {
        while (m_nextToConnect < total && m_connecting < size_t(o.connectConcurrency)) {
            if (!startConnect(m_nextToConnect++))
                return false;
        }
        pollOnce(deadline);
    }
    if (m_connectEnd == 0)
        m_connectEnd = nowNs();
    m_connected = m_open;
    return true;
}

bool LoadGen::joinAll()
{
    if (o.protocol != Protocol::Lanchat)
        return true;
    m_joinStart = nowNs();
    for (size_t i = 0; i < m_conns.size(); ++i) {
        Conn &c = m_conns[i];
        if (c.state != State::Open || !c.joiner)
            continue;
        const std::string join = "{\"type\":\"join\",\"name\":\"b" + std::to_string(i) + "\"}";
        c.joinSent = true;
        sendFrame(c, i, 0x1, join);
    }
    const int64_t deadline = nowNs() + int64_t(o.connectTimeout * 1e9);
    auto pending = [this] {
        return std::any_of(m_conns.begin(), m_conns.end(), [](const Conn &c) {
            return c.joinSent && !c.welcomed && c.state == State::Open;
        });
    };
    while (pending() && nowNs() < deadline && !g_stop)
        pollOnce(deadline);
    m_joinEnd = nowNs();
    return !pending();
}

void LoadGen::sampleRss(int64_t t0)
{
    const long rss = readRssKib(o.hubPid);
    if (rss < 0)
        return;
    m_rssPeak = std::max(m_rssPeak, rss);
    m_rssSeries.emplace_back(seconds(nowNs() - t0), rss);
}

void LoadGen::loadPhase()
{
    const int senders = int(m_senderConns.size());
    if (senders == 0)
        return;
    m_rate = o.rate;
    if (o.scenario == Scenario::Slow && o.rate < 0) {
        // Frame size as each receiver sees it: the sent frame plus what the hub adds.
        const size_t sent = chatFrameText(0, 0, 0, 0).size();
        const size_t received
                = sent + (o.protocol == Protocol::Lanchat ? 70 : 0) + (sent + 70 < 126 ? 2 : 4);
        m_rate = o.slowTarget / double(received);
    }
    const long maxMessages = o.count > 0 ? o.count : 2000000000L;
    m_sendStart = nowNs();
    m_cpuStart = sampleCpu(o.hubPid);
    const int64_t sendUntil = m_sendStart + int64_t(o.duration * 1e9);
    const double intervalNs = m_rate > 0 ? 1e9 / m_rate : 0;
    long sent = 0;
    int nextSender = 0;
    int64_t nextRss = m_sendStart;
    const int64_t rssEvery = o.scenario == Scenario::Slow ? 250'000'000 : 1'000'000'000;
    while (!g_stop) {
        const int64_t now = nowNs();
        if (now >= nextRss) {
            sampleRss(m_sendStart);
            nextRss += rssEvery;
        }
        if (now >= sendUntil || sent >= maxMessages)
            break;
        int64_t wakeAt = std::min(sendUntil, nextRss);
        if (intervalNs > 0) {
            // Fixed rate: send every message whose time has come.
            while (sent < maxMessages) {
                const int64_t due = m_sendStart + int64_t(double(sent) * intervalNs);
                if (due > now) {
                    wakeAt = std::min(wakeAt, due);
                    break;
                }
                sendChat(nextSender, due);
                nextSender = (nextSender + 1) % senders;
                ++sent;
            }
        } else {
            while (m_inFlight < o.window && sent < maxMessages) {
                sendChat(nextSender, now);
                nextSender = (nextSender + 1) % senders;
                ++sent;
            }
        }
        pollOnce(wakeAt);
    }
    m_sendEnd = nowNs();
    // Drain: wait for outstanding deliveries.
    const int64_t drainUntil = m_sendEnd + int64_t(o.drain * 1e9);
    while (!g_stop && nowNs() < drainUntil && m_received + m_duplicates < m_expected) {
        if (nowNs() >= nextRss) {
            sampleRss(m_sendStart);
            nextRss += rssEvery;
        }
        pollOnce(std::min(drainUntil, nextRss));
        if (m_received >= m_expected)
            break;
    }
    m_cpuEnd = sampleCpu(o.hubPid);
}

void LoadGen::idlePhase()
{
    const int64_t start = nowNs();
    m_cpuStart = sampleCpu(o.hubPid);
    const int64_t until = start + int64_t(o.duration * 1e9);
    int64_t nextRss = start;
    while (!g_stop && nowNs() < until) {
        if (nowNs() >= nextRss) {
            sampleRss(start);
            nextRss += 1'000'000'000;
        }
        pollOnce(std::min(until, nextRss));
    }
    m_cpuEnd = sampleCpu(o.hubPid);
}

int countFds(int pid)
{
    if (pid <= 0)
        return -1;
    const std::string path = "/proc/" + std::to_string(pid) + "/fd";
    DIR *dir = opendir(path.c_str());
    if (!dir)
        return -1;
    int n = 0;
    while (const dirent *entry = readdir(dir))
        n += entry->d_name[0] != '.';
    closedir(dir);
    return n;
}

void LoadGen::churnStep(size_t i, int64_t now)
{
    Conn &c = m_conns[i];
    if (c.fd >= 0) {
        if (c.state == State::Open && !c.joinSent) {
            c.joinSent = true;
            const std::string join = "{\"type\":\"join\",\"name\":\"c" + std::to_string(i) + "\"}";
            sendFrame(c, i, 0x1, join);
        } else if (now - c.connectStartNs > 30'000'000'000) {
            ++m_churnStuck; // bounded: a round that hangs is given up
            finish(c, i, State::Failed);
        }
        return;
    }
    if (c.restartNs == 0) {
        c.restartNs = now + int64_t(o.churnPause * 1e9);
        return;
    }
    if (now < c.restartNs || m_connecting >= size_t(o.connectConcurrency))
        return;
    c.restartNs = 0;
    c.joinSent = c.welcomed = c.closeSent = false;
    c.closeCode = -1;
    c.httpStatus = 0;
    c.fragment.clear();
    startConnect(i);
}

void LoadGen::soakPhase()
{
    m_failedBeforeSoak = m_failed;
    m_rate = o.rate;
    const int64_t start = nowNs();
    m_sendStart = start;
    m_cpuStart = sampleCpu(o.hubPid);
    const int64_t until = start + int64_t(o.duration * 1e9);
    const int64_t sampleNs = int64_t(o.sampleEvery * 1e9);
    const double intervalNs = m_rate > 0 && !m_senderConns.empty() ? 1e9 / m_rate : 0;
    std::vector<std::array<long, 3>> samples; // seconds, RSS KiB, descriptors
    int64_t nextSample = start;
    long sent = 0;
    while (!g_stop) {
        const int64_t now = nowNs();
        if (now >= until)
            break;
        if (now >= nextSample) {
            const long rss = readRssKib(o.hubPid);
            const int fds = countFds(o.hubPid);
            samples.push_back({long(seconds(now - start)), rss, fds});
            m_rssPeak = std::max(m_rssPeak, rss);
            if (!o.quiet)
                std::fprintf(stderr,
                             "soak: %4lds  hub RSS %6ld KiB  fds %5d  rounds %8" PRIu64 "\n",
                             samples.back()[0], rss, fds, m_churnRounds);
            nextSample += sampleNs;
        }
        int64_t wakeAt = std::min(until, nextSample);
        while (intervalNs > 0) {
            const int64_t due = start + int64_t(double(sent) * intervalNs);
            if (due > now) {
                wakeAt = std::min(wakeAt, due);
                break;
            }
            sendChat(int(sent % long(m_senderConns.size())), due);
            ++sent;
        }
        for (size_t i = size_t(o.clients - o.churn); i < size_t(o.clients); ++i)
            churnStep(i, now);
        // Churners need a look at least every 50 ms.
        pollOnce(std::min(wakeAt, now + 50'000'000));
    }
    m_sendEnd = nowNs();
    const int64_t drainUntil = m_sendEnd + int64_t(o.drain * 1e9);
    while (!g_stop && m_received < m_expected && nowNs() < drainUntil)
        pollOnce(drainUntil);
    m_cpuEnd = sampleCpu(o.hubPid);
    soakReport(samples);
}

void LoadGen::soakReport(const std::vector<std::array<long, 3>> &samples) const
{
    // Plateau: after a warm-up (the first tenth), the highest RSS of the last quarter is no
    // higher than that of the first half (+2 % or 2 MiB of slack for the allocator), and the
    // descriptors never exceed those of the first sample, when every client was connected (the
    // most connections there can be; +5 for the hub's own).
    const long total = samples.empty() ? 0 : samples.back()[0];
    const long fdsCap = samples.empty() ? -1 : samples.front()[2] + 5;
    long rssEarly = -1, rssLate = -1, fdsMax = -1, fdsLateMin = -1;
    for (const auto &[t, rss, fds] : samples) {
        if (t >= total / 10 && t <= total / 2)
            rssEarly = std::max(rssEarly, rss);
        if (t >= total * 3 / 4) {
            rssLate = std::max(rssLate, rss);
            fdsLateMin = fdsLateMin < 0 ? fds : std::min(fdsLateMin, fds);
        }
        fdsMax = std::max(fdsMax, fds);
    }
    const bool rssFlat = rssEarly > 0 && rssLate <= rssEarly + std::max(2048L, rssEarly / 50);
    const bool fdsFlat = fdsCap > 0 && fdsMax <= fdsCap;
    const uint64_t lost = m_expected > m_received ? m_expected - m_received : 0;
    std::printf("soak: %ld s, %d clients (%d churning), %" PRIu64 " churn rounds, %" PRIu64
                " given up, %zu connections refused or failed\n",
                total, o.clients, o.churn, m_churnRounds, m_churnStuck,
                m_failed - m_failedBeforeSoak);
    std::printf("soak: hub RSS max %ld KiB in the first half, %ld KiB in the last quarter: %s\n",
                rssEarly, rssLate, rssFlat ? "plateau" : "GROWING");
    std::printf(
            "soak: hub descriptors at most %ld (cap %ld: all clients connected + 5), at least %ld"
            " in the last quarter: %s\n",
            fdsMax, fdsCap, fdsLateMin, fdsFlat ? "plateau" : "GROWING");
    std::printf("soak: steady deliveries %" PRIu64 " expected, %" PRIu64 " received, %" PRIu64
                " lost, %" PRIu64 " duplicated, %zu steady clients closed by the hub\n",
                m_expected, m_received, lost, m_duplicates, m_closedByHub);
    std::printf("{\"label\":\"%s\",\"scenario\":\"soak\",\"seconds\":%ld,\"clients\":%d,"
                "\"churn\":%d,\"churn_rounds\":%" PRIu64 ",\"rss_early_kib\":%ld,"
                "\"rss_late_kib\":%ld,\"fds_max\":%ld,\"fds_cap\":%ld,\"plateau\":%s,"
                "\"expected\":%" PRIu64 ",\"received\":%" PRIu64 ",\"closed_by_hub\":%zu}\n",
                o.label.c_str(), total, o.clients, o.churn, m_churnRounds, rssEarly, rssLate,
                fdsMax, fdsCap, rssFlat && fdsFlat ? "true" : "false", m_expected, m_received,
                m_closedByHub);
}

void LoadGen::closeAll()
{
    for (size_t i = 0; i < m_conns.size(); ++i) {
        Conn &c = m_conns[i];
        if (c.state == State::Open && !c.closeSent && c.fd >= 0) {
            c.closeSent = true;
            sendFrame(c, i, 0x8, std::string_view("\x03\xe8", 2));
        }
    }
    const int64_t until = nowNs() + 1'000'000'000;
    while (m_open > 0 && nowNs() < until && !g_stop)
        pollOnce(until);
}

void LoadGen::report()
{
    const bool load = o.scenario != Scenario::Idle;
    const double connectS = seconds(m_connectEnd - m_connectStart);
    const double sendS = m_sendEnd > m_sendStart ? seconds(m_sendEnd - m_sendStart) : 0;
    const double deliverS
            = m_lastDelivery > m_sendStart ? seconds(m_lastDelivery - m_sendStart) : 0;
    const double rate = deliverS > 0 ? double(m_received) / deliverS : 0;
    const uint64_t lost = m_expected > m_received ? m_expected - m_received : 0;
    const size_t measured = m_conns.size() - (m_slow != SIZE_MAX ? 1 : 0);
    const double perConn = (m_rssConnected >= 0 && m_rssBefore >= 0 && measured > 0)
            ? double(m_rssConnected - m_rssBefore) / double(measured)
            : -1;
    const double p50 = double(m_latency.percentile(0.50)) / 1000;
    const double p99 = double(m_latency.percentile(0.99)) / 1000;
    const double pmax = double(m_latency.max()) / 1000;
    const char *proto = o.protocol == Protocol::Lanchat ? "lanchat" : "raw";
    const double cpuWall = seconds(m_cpuEnd.wallNs - m_cpuStart.wallNs);
    const bool cpuKnown = cpuWall > 0 && m_cpuStart.hub >= 0 && m_cpuEnd.hub >= 0;
    const double hubCpu = cpuKnown ? m_cpuEnd.hub - m_cpuStart.hub : -1;
    const double selfCpu = m_cpuEnd.self - m_cpuStart.self;
    const double otherCpu = cpuKnown && m_cpuStart.machineBusy >= 0
            ? std::max(0.0, m_cpuEnd.machineBusy - m_cpuStart.machineBusy - hubCpu - selfCpu)
            : -1;
    const double hubPct = cpuKnown ? 100 * hubCpu / cpuWall : -1;
    const double selfPct = cpuWall > 0 ? 100 * selfCpu / cpuWall : -1;
    const double otherPct = otherCpu >= 0 ? 100 * otherCpu / cpuWall : -1;
    const double hubNsPerDelivery
            = cpuKnown && m_received > 0 ? hubCpu * 1e9 / double(m_received) : -1;

    if (!o.quiet) {
        std::printf("\n== loadgen: %s (%s, %d clients, %zu senders", o.label.c_str(), proto,
                    o.clients, m_senderConns.size());
        if (load && m_rate > 0)
            std::printf(", %.0f msg/s", m_rate);
        if (load && o.window > 0)
            std::printf(", window %d", o.window);
        std::printf(") ==\n");
        std::printf("  connections made      %zu of %zu in %.3f s (%zu failed)\n", m_connected,
                    m_conns.size(), connectS, m_failed);
        if (m_connectHubCpu >= 0 && m_connected > 0)
            std::printf("  hub CPU to connect    %.3f s (%.0f us per connection)\n",
                        m_connectHubCpu, m_connectHubCpu * 1e6 / double(m_connected));
        for (const std::string &s : m_statusSeen)
            std::printf("  refused with          %s\n", s.c_str());
        if (m_joinEnd > 0)
            std::printf("  joins answered in     %.3f s\n", seconds(m_joinEnd - m_joinStart));
        if (load) {
            std::printf("  messages sent         %zu in %.2f s\n", m_messages.size(), sendS);
            std::printf("  deliveries            %" PRIu64 " of %" PRIu64 " expected, lost %" PRIu64
                        ", duplicated %" PRIu64 ", out of order %" PRIu64 "\n",
                        m_received, m_expected, lost, m_duplicates, m_reordered);
            std::printf("  deliveries/s          %.0f\n", rate);
            std::printf("  latency ms            p50 %.2f  p99 %.2f  max %.2f\n", p50, p99, pmax);
            if (m_maxLagNs > 2'000'000)
                std::printf("  generator lag max     %.2f ms\n", double(m_maxLagNs) / 1e6);
        }
        if (cpuWall > 0)
            std::printf(
                    "  CPU busy              hub %.0f %%, loadgen %.0f %%, everything else %.0f %% "
                    "(of one core)\n",
                    hubPct, selfPct, otherPct);
        if (hubNsPerDelivery > 0)
            std::printf("  hub CPU per delivery  %.0f ns\n", hubNsPerDelivery);
        if (m_errors)
            std::printf("  hub errors            %" PRIu64 " (first: %s)\n", m_errors,
                        m_firstError.c_str());
        if (m_bad)
            std::printf("  unparsable chats      %" PRIu64 "\n", m_bad);
        if (m_closedByHub)
            std::printf("  closed by the hub     %zu (not counting a slow client)\n",
                        m_closedByHub);
        if (o.hubPid > 0) {
            std::printf("  hub VmRSS KiB         before %ld, connected %ld, after %ld, peak %ld\n",
                        m_rssBefore, m_rssConnected, m_rssAfter, m_rssPeak);
            if (perConn >= 0)
                std::printf("  hub RSS/connection    %.2f KiB\n", perConn);
        }
        if (m_slow != SIZE_MAX) {
            const Conn &s = m_conns[m_slow];
            std::printf("  slow client           close code %d, eof %s, reset %s, %" PRIu64
                        " bytes read after waking\n",
                        s.closeCode, m_slowEof ? "yes" : "no", m_slowReset ? "yes" : "no",
                        m_slowBytesAfterWake);
            std::printf("  hub VmRSS over time   ");
            for (size_t k = 0; k < m_rssSeries.size(); k += 4)
                std::printf("%.0fs %.1f MiB  ", m_rssSeries[k].first,
                            double(m_rssSeries[k].second) / 1024);
            std::printf("\n");
        }
        std::fflush(stdout);
    }

    std::string json = "{\"tool\":\"loadgen\",\"label\":\"" + o.label + "\",\"protocol\":\"" + proto
            + "\",\"scenario\":\""
            + (o.scenario == Scenario::Idle           ? "idle"
                       : o.scenario == Scenario::Slow ? "slow"
                                                      : "load")
            + "\"";
    char buf[2048];
    std::snprintf(buf, sizeof buf,
                  ",\"clients\":%d,\"senders\":%zu,\"rate\":%.1f,\"window\":%d,\"size\":%d"
                  ",\"connected\":%zu,\"connect_failed\":%zu,\"connect_s\":%.4f"
                  ",\"join_s\":%.4f,\"sent\":%zu,\"send_s\":%.3f,\"expected\":%" PRIu64
                  ",\"received\":%" PRIu64 ",\"lost\":%" PRIu64 ",\"duplicated\":%" PRIu64
                  ",\"reordered\":%" PRIu64 ",\"deliveries_per_s\":%.0f"
                  ",\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,\"lag_max_ms\":%.3f"
                  ",\"hub_errors\":%" PRIu64 ",\"closed_by_hub\":%zu"
                  ",\"rss_before_kib\":%ld,\"rss_connected_kib\":%ld,\"rss_after_kib\":%ld"
                  ",\"rss_peak_kib\":%ld,\"rss_per_conn_kib\":%.3f,\"interrupted\":%s"
                  ",\"hub_cpu_pct\":%.1f,\"gen_cpu_pct\":%.1f,\"other_cpu_pct\":%.1f"
                  ",\"hub_ns_per_delivery\":%.1f,\"connect_hub_cpu_s\":%.3f",
                  o.clients, m_senderConns.size(), m_rate, o.window, o.size, m_connected, m_failed,
                  connectS, m_joinEnd > 0 ? seconds(m_joinEnd - m_joinStart) : 0.0,
                  m_messages.size(), sendS, m_expected, m_received, lost, m_duplicates, m_reordered,
                  rate, p50, p99, pmax, double(m_maxLagNs) / 1e6, m_errors, m_closedByHub,
                  m_rssBefore, m_rssConnected, m_rssAfter, m_rssPeak, perConn,
                  m_interrupted ? "true" : "false", hubPct, selfPct, otherPct, hubNsPerDelivery,
                  m_connectHubCpu);
    json += buf;
    if (m_slow != SIZE_MAX) {
        const Conn &s = m_conns[m_slow];
        std::snprintf(
                buf, sizeof buf,
                ",\"slow\":{\"close_code\":%d,\"eof\":%s,\"reset\":%s,\"bytes_after_wake\":%" PRIu64
                ",\"rss_series\":[",
                s.closeCode, m_slowEof ? "true" : "false", m_slowReset ? "true" : "false",
                m_slowBytesAfterWake);
        json += buf;
        for (size_t k = 0; k < m_rssSeries.size(); ++k) {
            std::snprintf(buf, sizeof buf, "%s[%.2f,%ld]", k ? "," : "", m_rssSeries[k].first,
                          m_rssSeries[k].second);
            json += buf;
        }
        json += "]}";
    }
    json += "}";
    std::printf("%s\n", json.c_str());
    std::fflush(stdout);
}

int LoadGen::run()
{
    rlimit rl{};
    getrlimit(RLIMIT_NOFILE, &rl);
    const size_t need = size_t(o.clients) + 64;
    if (rl.rlim_cur < need) {
        rl.rlim_cur = std::min<rlim_t>(rl.rlim_max, need);
        setrlimit(RLIMIT_NOFILE, &rl);
        if (rl.rlim_cur < need) {
            std::fprintf(stderr, "loadgen: need %zu file descriptors, the limit is %lu\n", need,
                         static_cast<unsigned long>(rl.rlim_cur));
            return 2;
        }
    }
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        std::perror("loadgen: epoll_create1");
        return 2;
    }
    const size_t total = size_t(o.clients) + (o.scenario == Scenario::Slow ? 1 : 0);
    m_conns.resize(total);
    if (o.scenario == Scenario::Slow) {
        m_slow = total - 1;
        m_conns[m_slow].counting = false;
    }
    // Senders are spread evenly over the clients that do not churn (the last --churn ones do).
    const size_t steady = size_t(o.clients - o.churn);
    for (size_t i = steady; i < size_t(o.clients); ++i) {
        m_conns[i].churner = true;
        m_conns[i].counting = false;
    }
    for (int s = 0; s < o.senders; ++s) {
        const size_t i = size_t(s) * steady / size_t(o.senders);
        m_conns[i].sender = true;
        m_conns[i].senderIndex = s;
        m_senderConns.push_back(i);
    }
    for (Conn &c : m_conns)
        c.joiner = o.join == JoinPolicy::All || (o.join == JoinPolicy::Senders && c.sender);
    m_lastSeq.assign(total * std::max<size_t>(1, m_senderConns.size()), 0);
    m_messages.reserve(1 << 20);

    m_rssBefore = readRssKib(o.hubPid);
    const CpuSample beforeConnect = sampleCpu(o.hubPid);
    if (!connectAll())
        return 2;
    const CpuSample afterConnect = sampleCpu(o.hubPid);
    if (beforeConnect.hub >= 0 && afterConnect.hub >= 0)
        m_connectHubCpu = afterConnect.hub - beforeConnect.hub;
    if (!joinAll())
        std::fputs("loadgen: not every join was answered with a welcome\n", stderr);
    // Let the hub settle before measuring its memory for the connections.
    const int64_t settle = nowNs() + 200'000'000;
    while (nowNs() < settle && !g_stop)
        pollOnce(settle);
    m_rssConnected = readRssKib(o.hubPid);
    m_rssPeak = m_rssConnected;

    if (o.scenario == Scenario::Idle) {
        idlePhase();
    } else if (o.scenario == Scenario::Soak) {
        soakPhase();
    } else {
        if (m_slow != SIZE_MAX) {
            Conn &s = m_conns[m_slow];
            s.reading = false;
            if (s.fd >= 0) {
                epoll_event ev{};
                ev.events = 0;
                ev.data.u64 = m_slow;
                epoll_ctl(m_epoll, EPOLL_CTL_MOD, s.fd, &ev);
            }
        }
        loadPhase();
        if (m_slow != SIZE_MAX) {
            // Wake the slow client up: read everything it was sent, to see how the hub closed it.
            Conn &s = m_conns[m_slow];
            s.reading = true;
            m_slowWakeNs = nowNs();
            m_slowBytesAfterWake = 0;
            if (s.fd >= 0) {
                epoll_event ev{};
                ev.events = EPOLLIN | (s.writeArmed ? uint32_t(EPOLLOUT) : 0u);
                ev.data.u64 = m_slow;
                epoll_ctl(m_epoll, EPOLL_CTL_MOD, s.fd, &ev);
            }
            const int64_t until = m_slowWakeNs + 3'000'000'000;
            while (!g_stop && nowNs() < until && s.fd >= 0 && s.closeCode < 0)
                pollOnce(until);
        }
    }
    m_rssAfter = readRssKib(o.hubPid);
    closeAll();
    if (o.scenario != Scenario::Soak)
        report();
    if (o.check) {
        const bool load = o.scenario != Scenario::Idle && !m_senderConns.empty();
        const char *why = m_connected < size_t(o.clients) ? "not every client connected"
                : load && m_received == 0                 ? "no deliveries"
                : load && m_received < m_expected         ? "deliveries lost"
                : m_duplicates > 0                        ? "deliveries duplicated"
                : m_reordered > 0                         ? "deliveries out of order"
                : m_bad > 0                               ? "unparsable chat frames"
                                                          : nullptr;
        if (why) {
            std::fprintf(stderr, "loadgen: check failed: %s\n", why);
            return 1;
        }
    }
    return m_interrupted ? 3 : 0;
}

void onSignal(int)
{
    g_stop = 1;
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    if (!parseOptions(argc, argv, &options)) {
        usage(stderr);
        return 2;
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGPIPE, SIG_IGN);
    // Whatever happens, stop by ourselves: connect + send + drain + slack.
    alarm(unsigned(options.connectTimeout * 2 + options.duration + options.drain + 30));
    LoadGen gen(options);
    return gen.run();
}
