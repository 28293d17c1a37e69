// The library's only exported symbol: the constructor named in leadplan.components.
#include "functions.hpp"

#include <cppuhelper/weak.hxx>
#include <sal/types.h>

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_leadplan_calc_FunctionsImpl_get_implementation(css::uno::XComponentContext* context,
                                                   const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new leadplan::addin::FunctionsImpl(context));
}
