obj/hello.o: api/hello.cpp /usr/include/stdio.h \
  sdk/include/sls/function.hpp \
  vendor/my\ lib/x.h data/a$$b.h
