#include "hub/demo/demo_data.h"

#include <map>

#include "util/time.h"

namespace jaanch::hub::demo {
namespace {

// LGD-style codes: state codes are the real LGD ones; district, block and village codes are plausible, not
// real.
const std::vector<StateGeography>& all_geographies() {
    static const std::vector<StateGeography> states{
        {"RJ",
         {"08", "Rajasthan", "राजस्थान"},
         {"110", "Jaipur", "जयपुर"},
         {{{"0542", "Sanganer", "सांगानेर"},
           "rural",
           {{"088123", "Bagru", "बगरू"},
            {"088124", "Shivdaspura", "शिवदासपुरा"},
            {"088125", "Muhana", "मुहाना"}},
           "303007"},
          {{"0543", "Jaipur City", "जयपुर शहर"},
           "urban",
           {{"800112", "Ward 12, Malviya Nagar", "वार्ड 12, मालवीय नगर"},
            {"800131", "Ward 31, Johari Bazar", "वार्ड 31, जौहरी बाज़ार"}},
           "302017"}}},
        {"JH",
         {"20", "Jharkhand", "झारखंड"},
         {"356", "Ranchi", "रांची"},
         {{{"2345", "Kanke", "कांके"},
           "rural",
           {{"371201", "Pithoria", "पिठोरिया"}, {"371202", "Sukurhutu", "सुकुरहुटु"}},
           "834006"},
          {{"2346", "Ranchi Town", "रांची शहर"},
           "urban",
           {{"801205", "Ward 5, Lalpur", "वार्ड 5, लालपुर"}, {"801219", "Ward 19, Doranda", "वार्ड 19, डोरंडा"}},
           "834001"}}},
        {"HR",
         {"06", "Haryana", "हरियाणा"},
         {"069", "Karnal", "करनाल"},
         {{{"0412", "Nilokheri", "नीलोखेड़ी"},
           "rural",
           {{"061001", "Taraori", "तरावड़ी"}, {"061002", "Bastara", "बस्तारा"}},
           "132117"},
          {{"0413", "Karnal City", "करनाल शहर"},
           "urban",
           {{"802104", "Ward 4, Sector 13", "वार्ड 4, सेक्टर 13"},
            {"802111", "Ward 11, Model Town", "वार्ड 11, मॉडल टाउन"}},
           "132001"}}},
        {"MH",
         {"27", "Maharashtra", "महाराष्ट्र"},
         {"515", "Jalna", "जालना"},
         {{{"4210", "Ambad", "अंबड"},
           "rural",
           {{"562301", "Shahagad", "शहागड"}, {"562302", "Wadigodri", "वडीगोद्री"}},
           "431204"},
          {{"4211", "Jalna City", "जालना शहर"},
           "urban",
           {{"803307", "Ward 7, Old Jalna", "वार्ड 7, जुना जालना"},
            {"803322", "Ward 22, Mantha Road", "वार्ड 22, मंठा रोड"}},
           "431203"}}},
        {"MP",
         {"23", "Madhya Pradesh", "मध्य प्रदेश"},
         {"430", "Bhopal", "भोपाल"},
         {{{"3120", "Berasia", "बैरसिया"},
           "rural",
           {{"482101", "Nazirabad", "नज़ीराबाद"}, {"482102", "Gunga", "गुनगा"}},
           "463106"},
          {{"3121", "Bhopal City", "भोपाल शहर"},
           "urban",
           {{"804245", "Ward 45, Arera Colony", "वार्ड 45, अरेरा कॉलोनी"},
            {"804012", "Ward 12, Jahangirabad", "वार्ड 12, जहांगीराबाद"}},
           "462016"}}},
    };
    return states;
}

const std::vector<Person>& people() {
    static const std::vector<Person> list{
        {"Santosh Devi", "संतोष देवी", 'F'},           {"Ramesh Kumar Meena", "रमेश कुमार मीणा", 'M'},
        {"Sunita Sharma", "सुनीता शर्मा", 'F'},        {"Mahendra Singh Rathore", "महेंद्र सिंह राठौड़", 'M'},
        {"Pooja Kumari", "पूजा कुमारी", 'F'},          {"Anil Kumar Mahto", "अनिल कुमार महतो", 'M'},
        {"Geeta Oraon", "गीता उरांव", 'F'},           {"Birsa Munda", "बिरसा मुंडा", 'M'},
        {"Kavita Yadav", "कविता यादव", 'F'},         {"Rajesh Jangid", "राजेश जांगिड़", 'M'},
        {"Manju Choudhary", "मंजू चौधरी", 'F'},        {"Suresh Saini", "सुरेश सैनी", 'M'},
        {"Priyanka Patil", "प्रियंका पाटिल", 'F'},     {"Dnyaneshwar Jadhav", "ज्ञानेश्वर जाधव", 'M'},
        {"Rekha Kushwaha", "रेखा कुशवाहा", 'F'},       {"Mohd. Imran Khan", "मोहम्मद इमरान खान", 'M'},
        {"Shabnam Bano", "शबनम बानो", 'F'},          {"Harpreet Kaur", "हरप्रीत कौर", 'F'},
        {"Sandeep Malik", "संदीप मलिक", 'M'},         {"Neelam Rani", "नीलम रानी", 'F'},
        {"Vikram Chauhan", "विक्रम चौहान", 'M'},      {"Lakshmi Bai Ahirwar", "लक्ष्मी बाई अहिरवार", 'F'},
        {"Omprakash Verma", "ओमप्रकाश वर्मा", 'M'},    {"Farzana Begum", "फ़रज़ाना बेगम", 'F'},
        {"Gopal Lal Gurjar", "गोपाल लाल गुर्जर", 'M'}, {"Kamla Devi Bairwa", "कमला देवी बैरवा", 'F'},
    };
    return list;
}

constexpr int kVerhoeffD[10][10] = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
                                    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
                                    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
                                    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
                                    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
constexpr int kVerhoeffP[8][10] = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
                                   {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
                                   {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
                                   {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
constexpr int kVerhoeffInv[10] = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

bool contains(const std::string& key, const char* part) {
    return key.find(part) != std::string::npos;
}

}  // namespace

const StateGeography& geography(const std::string& iso) {
    for (const auto& g : all_geographies()) {
        if (g.iso == iso)
            return g;
    }
    return all_geographies().front();
}

std::string with_verhoeff(const std::string& digits) {
    int c = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        const int d = digits[digits.size() - 1 - i] - '0';
        c = kVerhoeffD[c][kVerhoeffP[(i + 1) % 8][d]];
    }
    return digits + static_cast<char>('0' + kVerhoeffInv[c]);
}

bool verhoeff_valid(const std::string& number) {
    int c = 0;
    for (std::size_t i = 0; i < number.size(); ++i)
        c = kVerhoeffD[c][kVerhoeffP[i % 8][number[number.size() - 1 - i] - '0']];
    return c == 0;
}

Person ValueMaker::person() {
    return pick(people());
}

std::string ValueMaker::surname_en(const Person& p) const {
    return p.en.substr(p.en.rfind(' ') + 1);
}

std::string ValueMaker::digits(int n, bool nonzero_first) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += static_cast<char>('0' + between(i == 0 && nonzero_first ? 1 : 0, 9));
    return out;
}

std::string ValueMaker::aadhaar(bool valid) {
    const std::string body = std::to_string(between(2, 9)) + digits(10, false);
    std::string number = with_verhoeff(body);
    if (!valid)
        number.back() = static_cast<char>('0' + (number.back() - '0' + between(1, 9)) % 10);
    return number;
}

std::string ValueMaker::pan(const Person& p, bool valid) {
    std::string out;
    for (int i = 0; i < 3; ++i)
        out += static_cast<char>('A' + between(0, 25));
    out += valid ? 'P' : 'X';  // 4th letter: holder type; X is no holder type
    out += surname_en(p)[0];
    out += digits(4, false);
    out += static_cast<char>('A' + between(0, 25));
    return out;
}

std::string ValueMaker::ifsc(bool valid) {
    static const std::vector<std::string> banks{"SBIN", "PUNB", "BARB", "CNRB",
                                                "UBIN", "HDFC", "ICIC", "BKID"};
    return (valid ? pick(banks) : std::string("QQQQ")) + "0" + digits(6, false);
}

std::string ValueMaker::value(const catalogue::FieldDefinition& f, const Person& applicant,
                              const SubDistrict& where, const Place& village) {
    const std::string& t = f.type;
    const std::string& k = f.key;
    if (t == "enum")
        return pick(f.options).code;
    if (t == "aadhaar")
        return aadhaar(!chance(0.12));
    if (t == "pan")
        return pan(applicant, !chance(0.12));
    if (t == "ifsc")
        return ifsc(!chance(0.12));
    if (t == "mobile")
        return std::to_string(between(6, 9)) + digits(9, false);
    if (t == "pincode")
        return where.pincode;
    if (t == "bank_account")
        return digits(between(11, 16));
    if (t == "lgd_code")
        return village.code;
    if (t == "jan_aadhaar_family_id")
        return digits(10);
    if (t == "jan_aadhaar_member_id")
        return digits(11);
    if (t == "samagra_family_id")
        return digits(8);
    if (t == "samagra_member_id")
        return digits(9);
    if (t == "haryana_family_id")
        return digits(2) + static_cast<char>('A' + between(0, 25)) + digits(5, false);
    if (t == "boolean")
        return chance(0.5) ? "yes" : "no";
    if (t == "year")
        return std::to_string(between(2012, 2025));
    if (t == "number")
        return std::to_string(between(1, contains(k, "days") ? 365 : 40));
    if (t == "money")
        return std::to_string(between(3, 90) * 10000) + ".00";
    if (t == "email") {
        std::string user = surname_en(applicant);
        for (char& c : user)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return user + std::to_string(between(10, 99)) + "@example.in";
    }
    if (t == "date") {
        const int year = contains(k, "birth")   ? between(1950, 2012)
                         : contains(k, "death") ? 2026
                                                : between(2015, 2026);
        const int month = contains(k, "death") ? between(6, 10) : between(1, 12);
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, between(1, 28));
        return buffer;
    }
    if (t == "long_text" || contains(k, "address"))
        return "House " + std::to_string(between(1, 240)) + ", " + village.name_en + ", " +
               where.place.name_en + " / मकान " + std::to_string(between(1, 240)) + ", " + village.name_hi +
               ", " + where.place.name_hi;
    if (contains(k, "father") || contains(k, "husband") || contains(k, "head") || contains(k, "name")) {
        const Person p = contains(k, "applicant") || k == "name" ? applicant : person();
        return chance(0.25) ? p.hi : p.en;
    }
    if (contains(k, "village"))
        return village.name_en;
    if (contains(k, "caste"))
        return pick(std::vector<std::string>{"Meena", "Jatav", "Oraon", "Kurmi", "Ahir"});
    return pick(std::vector<std::string>{"Agriculture", "Daily wage labour", "Shopkeeper", "Teacher",
                                         "Homemaker", "कृषि", "मज़दूरी"});
}

}  // namespace jaanch::hub::demo
