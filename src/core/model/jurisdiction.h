// Where an application belongs and which area an officer covers, as Local Government Directory (LGD) codes.
#pragma once

#include <string>

#include "util/json_reader.h"

namespace jaanch::model {

enum class Area { rural, urban };

// An application's place: every code is set. `village` is the village or, in towns, the ward.
struct Jurisdiction {
    std::string state;
    std::string district;
    std::string subdistrict;  // sub-district, tehsil or block
    std::string village;      // village or ward
    Area area = Area::rural;
    std::string village_name;  // display only, e.g. "Ormanjhi"; optional, may be in Devanagari

    bool operator==(const Jurisdiction&) const = default;
};

// The area an officer covers: a state, optionally narrowed to a district, sub-district and village.
// An empty code means "all of the level above". `area`, when set, limits the officer to rural or urban
// places.
struct JurisdictionScope {
    std::string state;
    std::string district;
    std::string subdistrict;
    std::string village;
    std::string area;  // "", "rural" or "urban"

    bool operator==(const JurisdictionScope&) const = default;
    bool covers(const Jurisdiction& place) const;
};

std::string_view area_name(Area a);

void read_value(const json::Json& j, const std::string& path, Area& out);
void read_value(const json::Json& j, const std::string& path, Jurisdiction& out);
void read_value(const json::Json& j, const std::string& path, JurisdictionScope& out);
void to_json(json::Json& j, const Jurisdiction& v);
void to_json(json::Json& j, const JurisdictionScope& v);

}  // namespace jaanch::model
