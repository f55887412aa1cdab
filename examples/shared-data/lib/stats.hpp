#pragma once
#include <string>

// "SHARED-DATA-STATS total=N": the sum of the numbers in a CSV column.
std::string summarise_csv(const std::string& csv);
