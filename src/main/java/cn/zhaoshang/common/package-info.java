/** What every module shares: the domain exception and its kinds, cell errors, money formatting. */
package cn.zhaoshang.common;
