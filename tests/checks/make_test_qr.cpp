// make_test_qr KEY.pem [--tamper] [--xml]: prints the content of a test Aadhaar QR signed with KEY.pem and
// dated now (IST), for the CLI tests to turn into an image with qrencode. Never a real Aadhaar number.
#include <chrono>
#include <cstring>
#include <ctime>
#include <iostream>

#include "qr_fixtures.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: make_test_qr KEY.pem [--tamper] [--xml]\n";
        return 2;
    }
    const bool tamper = argc > 2 && std::strcmp(argv[2], "--tamper") == 0;
    if (argc > 2 && std::strcmp(argv[2], "--xml") == 0) {
        std::cout
            << R"(<?xml version="1.0"?><PrintLetterBarcodeData uid="234567890124" name="Sunita Kumari" )"
            << R"(gender="F" yob="1994" vtc="Kanke" po="Kanke" dist="Ranchi" state="Jharkhand" pc="834008"/>)";
        return 0;
    }
    const auto key = jaanch::test::read_private_key_pem(argv[1]);
    const std::time_t ist = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + 19800;
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S000", std::gmtime(&ist));
    jaanch::test::QrContent content;
    content.reference_id = std::string("0124") + stamp;
    std::cout << jaanch::test::secure_qr_number(content, key.get(), tamper);
    return 0;
}
