// Slow and idle clients cannot starve the hub; TLS works with a given certificate and key.
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>

#include "hub_world.h"

BOOST_AUTO_TEST_SUITE(limits)

using namespace jaanch::hub::test;
using Clock = std::chrono::steady_clock;

namespace {

int connect_to(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE_EQUAL(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    return fd;
}

// True when the server closes the connection within `limit` (whatever it sent before closing is drained).
bool closed_by_server(int fd, std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        pollfd p{fd, POLLIN, 0};
        if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0)
            return false;
        char buffer[4096];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n == 0)
            return true;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return true;
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(idle_and_trickling_clients_are_cut_off_and_excess_connections_refused) {
    World w({"--max-connections", "4", "--idle-timeout-ms", "700", "--request-timeout-ms", "1500"});
    std::vector<int> idle;
    for (int i = 0; i < 4; ++i)
        idle.push_back(connect_to(w.hub.port()));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // Every slot is held by a silent client: a new one is answered at once with 503 and the JSON body.
    auto start = Clock::now();
    auto r = w.client->request("GET", "/v1/health");
    BOOST_TEST(r.status == 503);
    BOOST_TEST(r.code() == "too_many_connections");
    BOOST_TEST((Clock::now() - start < std::chrono::milliseconds(500)));
    // The silent clients are dropped after the idle limit; then the hub serves again.
    for (int fd : idle)
        BOOST_TEST(closed_by_server(fd, std::chrono::milliseconds(3000)));
    for (int fd : idle)
        ::close(fd);
    BOOST_TEST(w.client->request("GET", "/v1/health").status == 200);

    // A client trickling its headers a byte at a time is cut off by the request deadline.
    const int slow = connect_to(w.hub.port());
    const std::string head = "GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    ::send(slow, head.data(), head.size(), MSG_NOSIGNAL);
    start = Clock::now();
    bool cut = false;
    while (Clock::now() - start < std::chrono::seconds(5)) {
        if (::send(slow, "a", 1, MSG_NOSIGNAL) < 0 ||
            closed_by_server(slow, std::chrono::milliseconds(200))) {
            cut = true;
            break;
        }
        // Meanwhile others are served.
        BOOST_TEST(w.client->request("GET", "/v1/health").status == 200);
    }
    ::close(slow);
    BOOST_TEST(cut);
    BOOST_TEST((Clock::now() - start < std::chrono::milliseconds(3000)));
    const std::string metrics = w.client->request("GET", "/v1/metrics").body;
    BOOST_TEST(metrics.find("jaanch_hub_connections_rejected_total 1") != std::string::npos, metrics);
    BOOST_TEST(w.hub.stop() == 0);
}

BOOST_AUTO_TEST_CASE(tls_with_a_certificate_and_key) {
    HubProcess hub;
    const auto dir = hub.data().parent_path();
    const std::string cert = (dir / "server.pem").string();
    const std::string key = (dir / "server.key").string();
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout '" + key + "' -out '" + cert +
        "' -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null";
    BOOST_REQUIRE_EQUAL(std::system(command.c_str()), 0);
    hub.start({"--tls-cert", cert, "--tls-key", key});
    const std::string url = "https://127.0.0.1:" + std::to_string(hub.port()) + "/v1/health";
    std::string body;
    CURL* c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_CAINFO, cert.c_str());
    curl_easy_setopt(
        c, CURLOPT_WRITEFUNCTION, +[](char* d, size_t s, size_t n, void* out) {
            static_cast<std::string*>(out)->append(d, s * n);
            return s * n;
        });
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    BOOST_TEST(curl_easy_perform(c) == CURLE_OK);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(c);
    BOOST_TEST(status == 200);
    BOOST_TEST(Json::parse(body)["status"] == "ok");
    // Plain HTTP to the TLS port gets no API answer.
    HttpResponse plain;
    try {
        plain = HttpClient("http://127.0.0.1:" + std::to_string(hub.port())).request("GET", "/v1/health");
    } catch (const std::exception&) {
        plain.status = 0;
    }
    BOOST_TEST(plain.status != 200);
    BOOST_TEST(hub.stop() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
