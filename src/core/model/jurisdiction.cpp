#include "model/jurisdiction.h"

#include "util/enum_names.h"

namespace jaanch::model {
namespace {

constexpr EnumNames<Area, 2> kAreaNames{{{Area::rural, "rural"}, {Area::urban, "urban"}}};

// LGD codes are decimal digits; anything else is a data error worth catching at the door.
std::string read_code(json::ObjectReader& r, std::string_view key, bool required) {
    std::string code = required ? r.required<std::string>(key) : r.optional_or<std::string>(key, "");
    if (required && code.empty())
        json::fail(r.path_of(key), "LGD code must not be empty");
    for (char c : code) {
        if (c < '0' || c > '9')
            json::fail(r.path_of(key), "LGD code must be digits only, found \"" + code + "\"");
    }
    return code;
}

}  // namespace

std::string_view area_name(Area a) {
    return enum_name(kAreaNames, a);
}

void read_value(const json::Json& j, const std::string& path, Area& out) {
    read_enum(j, path, kAreaNames, out);
}

void read_value(const json::Json& j, const std::string& path, Jurisdiction& out) {
    json::ObjectReader r(j, path);
    out.state = read_code(r, "state", true);
    out.district = read_code(r, "district", true);
    out.subdistrict = read_code(r, "subdistrict", true);
    out.village = read_code(r, "village", true);
    out.area = r.required<Area>("area");
    out.village_name = r.optional_or<std::string>("village_name", "");
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, JurisdictionScope& out) {
    json::ObjectReader r(j, path);
    out.state = read_code(r, "state", true);
    out.district = read_code(r, "district", false);
    out.subdistrict = read_code(r, "subdistrict", false);
    out.village = read_code(r, "village", false);
    out.area = r.optional_or<std::string>("area", "");
    if (!out.area.empty() && out.area != "rural" && out.area != "urban")
        json::fail(r.path_of("area"), "expected \"rural\", \"urban\" or absent, found \"" + out.area + "\"");
    if (out.village.size() && out.subdistrict.empty())
        json::fail(r.path_of("village"), "a village scope needs its sub-district");
    if (out.subdistrict.size() && out.district.empty())
        json::fail(r.path_of("subdistrict"), "a sub-district scope needs its district");
    r.finish();
}

void to_json(json::Json& j, const Jurisdiction& v) {
    j = json::Json{{"state", v.state},
                   {"district", v.district},
                   {"subdistrict", v.subdistrict},
                   {"village", v.village},
                   {"area", area_name(v.area)}};
    if (!v.village_name.empty())
        j["village_name"] = v.village_name;
}

void to_json(json::Json& j, const JurisdictionScope& v) {
    j = json::Json::object();
    j["state"] = v.state;
    if (!v.district.empty())
        j["district"] = v.district;
    if (!v.subdistrict.empty())
        j["subdistrict"] = v.subdistrict;
    if (!v.village.empty())
        j["village"] = v.village;
    if (!v.area.empty())
        j["area"] = v.area;
}

bool JurisdictionScope::covers(const Jurisdiction& place) const {
    auto matches = [](const std::string& scope, const std::string& code) {
        return scope.empty() || scope == code;
    };
    return state == place.state && matches(district, place.district) &&
           matches(subdistrict, place.subdistrict) && matches(village, place.village) &&
           (area.empty() || area == area_name(place.area));
}

}  // namespace jaanch::model
