// filesget: N clients download one URL at once over plain HTTP/1.1 from a server on this
// machine, and report the aggregate throughput and the server's VmRSS growth as one JSON line
// (bench/files.sh). The body is dropped in the kernel (recv with MSG_TRUNC on TCP), so a client
// costs next to nothing next to the server it measures; bench/filesclient.py checks the bytes.
//
//   filesget --url http://127.0.0.1:PORT/PATH [--clients 10] [--pid SERVER_PID] [--seconds S]
//            [--label NAME]
//
// --seconds S: each client downloads again until S seconds have passed (0: once each).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    std::string path;
    int clients = 10;
    int pid = 0;
    double seconds = 0;
    std::string label;
};

long rssKib(int pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    }
    return 0;
}

bool parseUrl(const std::string &url, Options *o)
{
    const std::string scheme = "http://";
    if (url.rfind(scheme, 0) != 0)
        return false;
    const auto slash = url.find('/', scheme.size());
    const std::string authority = url.substr(scheme.size(), slash - scheme.size());
    const auto colon = authority.rfind(':');
    if (colon == std::string::npos || slash == std::string::npos)
        return false;
    o->host = authority.substr(0, colon);
    o->port = std::atoi(authority.c_str() + colon + 1);
    o->path = url.substr(slash);
    return o->port > 0;
}

struct Result
{
    int status = 0;
    long long bytes = 0;
};

// One GET; the head is parsed, the body counted and dropped.
Result fetch(const Options &o)
{
    Result r;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(o.port));
    ::inet_pton(AF_INET, o.host.c_str(), &addr.sin_addr);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        if (fd >= 0)
            ::close(fd);
        return r;
    }
    const std::string request = "GET " + o.path + " HTTP/1.1\r\nHost: " + o.host + ":"
            + std::to_string(o.port) + "\r\nConnection: close\r\n\r\n";
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != ssize_t(request.size())) {
        ::close(fd);
        return r;
    }
    // Read the head byte-exactly (peek, then take what belongs to it).
    std::string head;
    char buf[16384];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_PEEK);
        if (n <= 0)
            break;
        const std::string seen = head + std::string(buf, size_t(n));
        const auto end = seen.find("\r\n\r\n");
        const size_t take = end == std::string::npos ? size_t(n) : end + 4 - head.size();
        ::recv(fd, buf, take, 0);
        head.append(buf, take);
    }
    if (head.size() > 12)
        r.status = std::atoi(head.c_str() + 9);
    long long length = -1;
    std::string lower = head;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (const auto at = lower.find("\r\ncontent-length:"); at != std::string::npos)
        length = std::atoll(lower.c_str() + at + 17);
    while (length < 0 || r.bytes < length) {
        const ssize_t n = ::recv(fd, nullptr, 1 << 22, MSG_TRUNC);
        if (n <= 0)
            break;
        r.bytes += n;
    }
    ::close(fd);
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    std::string url;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : nullptr;
        if (a == "--help" || a == "-h" || !v) {
            std::fputs("usage: filesget --url http://HOST:PORT/PATH [--clients N] [--pid PID] "
                       "[--seconds S] [--label NAME]\n",
                       a == "--help" || a == "-h" ? stdout : stderr);
            return a == "--help" || a == "-h" ? 0 : 2;
        }
        ++i;
        if (a == "--url")
            url = v;
        else if (a == "--clients")
            o.clients = std::atoi(v);
        else if (a == "--pid")
            o.pid = std::atoi(v);
        else if (a == "--seconds")
            o.seconds = std::atof(v);
        else if (a == "--label")
            o.label = v;
        else {
            std::fprintf(stderr, "filesget: unknown option %s\n", a.c_str());
            return 2;
        }
    }
    if (!parseUrl(url, &o) || o.clients < 1) {
        std::fprintf(stderr, "filesget: needs --url http://HOST:PORT/PATH and --clients ≥ 1\n");
        return 2;
    }

    const long rssBefore = o.pid ? rssKib(o.pid) : 0;
    std::atomic<long> rssPeak = rssBefore;
    std::atomic<bool> done = false;
    std::thread sampler;
    if (o.pid) {
        sampler = std::thread([&] {
            while (!done) {
                rssPeak = std::max(rssPeak.load(), rssKib(o.pid));
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        });
    }

    std::mutex lock;
    std::vector<Result> results;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration<double>(o.seconds);
    std::vector<std::thread> clients;
    for (int i = 0; i < o.clients; ++i) {
        clients.emplace_back([&] {
            do {
                const Result r = fetch(o);
                const std::lock_guard guard(lock);
                results.push_back(r);
                if (r.status != 200)
                    return;
            } while (o.seconds > 0 && Clock::now() < deadline);
        });
    }
    for (auto &t : clients)
        t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    done = true;
    if (sampler.joinable())
        sampler.join();
    if (o.pid)
        rssPeak = std::max(rssPeak.load(), rssKib(o.pid));

    long long total = 0;
    std::set<int> statuses;
    std::set<long long> sizes;
    for (const Result &r : results) {
        total += r.bytes;
        statuses.insert(r.status);
        sizes.insert(r.bytes);
    }
    auto list = [](const auto &set) {
        std::string s;
        for (const auto v : set)
            s += (s.empty() ? "" : ",") + std::to_string(v);
        return "[" + s + "]";
    };
    std::printf("{\"tool\":\"filesget\",\"run\":\"download\",\"label\":\"%s\",\"clients\":%d,"
                "\"downloads\":%zu,\"bytes\":%lld,\"seconds\":%.4f,\"mb_per_s\":%.1f,"
                "\"statuses\":%s,\"sizes\":%s,\"rss_before_kib\":%ld,\"rss_peak_kib\":%ld,"
                "\"rss_growth_kib\":%ld}\n",
                o.label.c_str(), o.clients, results.size(), total, seconds,
                double(total) / seconds / 1e6, list(statuses).c_str(), list(sizes).c_str(),
                rssBefore, rssPeak.load(), rssPeak.load() - rssBefore);
    return statuses == std::set<int>{200} ? 0 : 1;
}
